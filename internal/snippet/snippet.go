// Package snippet is the goldmark extension that puts example code on pages.
//
// A fenced code block whose info string is
//
//	```snippet examples/quickstart/server.go#handler
//	```
//
// becomes that region of the file (see package region; the whole file,
// markers stripped, without #REGION), highlighted for the file's language,
// with a caption that links the source and a badge that says how far the
// example was verified. The path is relative to the repository root. The
// block must be empty: the code comes from the file, never from the page.
//
// A block whose info string is
//
//	```telemetry quickstart
//	```
//
// becomes the panel of what the Collector received for that example, from
// Options.Telemetry; "telemetry quickstart#CASE" shows a named case of
// its verify.yaml. A block "output ID" (or "output ID#CASE") shows what the
// program printed in that run, from Options.Output. An "attributes ID#CASE"
// block sets a semantic convention (content/conventions/<name>.yaml) next
// to the attributes a span, metric or resource of that run carried; see
// attributes.go.
//
// A fenced block in Go (```go) is an error: Go code on a page must come from
// an example that compiles, so it is written as a snippet.
//
// goldmark's ASTTransformer cannot return an error, so a block that cannot
// be resolved keeps its error on its node and the node's renderer returns
// it, which makes Convert fail. Errors also collects every error of a parse,
// so an author sees all of them at once. Each starts with the Markdown file
// and line: content/get-started/quickstart.md:12: ...
package snippet

import (
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"oteldocs.dev/internal/region"
	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/telemetry"
)

// Options configure the extension.
type Options struct {
	// Theme holds the templates that draw the blocks: "snippet" (with
	// "badge" and "code"), "telemetry" and "output", each given its node
	// (Node, TelemetryNode, OutputNode) as data. See site.Templates.
	Theme *template.Template

	// Repo is the repository root: snippet paths and examples/<id> are read
	// from it.
	Repo fs.FS

	// Results are the verification results; nil means nothing was verified.
	Results *results.File

	// Link returns the caption's link for a snippet, given the page's Root
	// (the relative path from the page to the site root, e.g. "../../").
	// nil or "" means the caption is not a link.
	Link func(root string, b Block, r region.Region) string

	// Download returns the link to the zip of an example, given the page's
	// Root, or "" when there is none. nil means no download links.
	Download func(root, exampleID string) string

	// Telemetry returns what the Collector received for an example, or for
	// a named case of it ("" for the main case), in its last verified run.
	// nil, or a nil *telemetry.Data, means no run yet: the block says so.
	Telemetry func(exampleID, caseName string) (*telemetry.Data, error)

	// Output returns what an example (or a named case of it) printed in
	// its last verified run, for ```output blocks; ok is false when there
	// is no run yet.
	Output func(exampleID, caseName string) (out string, ok bool, err error)
}

// Extension is the goldmark extension. Make it with New.
type Extension struct {
	opts   Options
	mu     sync.Mutex
	files  map[string]*parsedFile // by path: each example file is parsed once
	prints map[string]string      // results.Fingerprint of examples/<id>, by id
}

type parsedFile struct {
	f   *region.File
	err error
}

// New returns the extension.
func New(opts Options) *Extension {
	return &Extension{opts: opts, files: map[string]*parsedFile{}, prints: map[string]string{}}
}

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&transformer{e}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{e.opts.Theme}, 100)))
}

// Page is what the extension must know about the page being parsed. Set it
// on the parser.Context with SetPage before parsing.
type Page struct {
	File       string // Markdown file as the author sees it: content/x.md
	LineOffset int    // lines before the parsed source (front matter)
	Root       string // relative path from the page to the site root, "" or ending in "/"
}

var (
	pageKey   = parser.NewContextKey()
	errorsKey = parser.NewContextKey()
)

// SetPage records the page being parsed with pc.
func SetPage(pc parser.Context, p Page) { pc.Set(pageKey, p) }

// Errors returns every error the extension found while parsing with pc.
func Errors(pc parser.Context) []error {
	errs, _ := pc.Get(errorsKey).([]error)
	return errs
}

func addError(pc parser.Context, err error) {
	errs, _ := pc.Get(errorsKey).([]error)
	pc.Set(errorsKey, append(errs, err))
}

func pageOf(pc parser.Context) Page {
	p, _ := pc.Get(pageKey).(Page)
	return p
}

// parse returns the parsed file at path, reading it once.
func (e *Extension) parse(path string) (*region.File, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.files[path]; ok {
		return p.f, p.err
	}
	var p parsedFile
	src, err := fs.ReadFile(e.opts.Repo, path)
	if err != nil {
		p.err = err
	} else {
		p.f, p.err = region.Parse(path, src)
	}
	e.files[path] = &p
	return p.f, p.err
}

// Forget drops what the extension read from files under dir (a path from
// the repository root, e.g. examples/quickstart) and the fingerprint of the
// example there, so that the next parse reads them again. docgen serve
// calls it when those files change.
func (e *Extension) Forget(dir string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for p := range e.files {
		if p == dir || strings.HasPrefix(p, dir+"/") {
			delete(e.files, p)
		}
	}
	if id := ExampleOf(dir + "/"); id != "" {
		delete(e.prints, id)
	}
}

// fingerprint returns the results.Fingerprint of examples/<id> in the
// repository, computed once; "" when it cannot be read.
func (e *Extension) fingerprint(id string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.prints[id]; ok {
		return p
	}
	var p string
	if sub, err := fs.Sub(e.opts.Repo, "examples/"+id); err == nil {
		p, _ = results.Fingerprint(sub)
	}
	e.prints[id] = p
	return p
}
