package docgen

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"oteldocs.dev/internal/markdown"
	"oteldocs.dev/internal/region"
	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/snippet"
	"oteldocs.dev/site"
)

// Site is a built site in memory: file paths (slash-separated, relative to
// the output folder) and their bytes.
type Site struct {
	Files map[string][]byte
}

// Paths returns the site's file paths, sorted.
func (s *Site) Paths() []string {
	ps := make([]string, 0, len(s.Files))
	for p := range s.Files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// builder holds the state of one build.
type builder struct {
	cfg      Config
	toc      *toc
	pages    []*page          // reading order, home first
	byFile   map[string]*page // by path relative to the content folder
	assets   map[string]bool  // other files of the content folder, relative to it
	examples []string         // ids of the folders under examples/, sorted
	results  *results.Reader
	md       *markdown.Markdown
	theme    *template.Template // site.Templates of cfg.Theme
	sidebars sidebarCache
	assetSet assetSet // the theme's files with their hashes, set by write
	out      map[string][]byte
}

// Generate builds the site in memory. Every error found is returned, joined
// and sorted, each starting with file:line.
func Generate(cfg Config) (*Site, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	b, err := generate(cfg)
	if err != nil {
		return nil, err
	}
	return &Site{Files: b.out}, nil
}

// generate builds the site and returns the builder, which docgen serve
// keeps to apply later edits (update).
func generate(cfg Config) (*builder, error) {
	b, err := newBuilder(cfg)
	if err != nil {
		return nil, err
	}
	for _, step := range []func() error{b.load, b.parse, b.links, b.render, b.write} {
		if err := step(); err != nil {
			return nil, sortErrors(err)
		}
	}
	return b, nil
}

func newBuilder(cfg Config) (*builder, error) {
	b := &builder{cfg: cfg, byFile: map[string]*page{}, assets: map[string]bool{}, out: map[string][]byte{}}
	var err error
	b.theme, err = site.Templates(cfg.Theme)
	return b, err
}

// load reads the table of contents, the pages' front matter, the examples
// and the verification results, and puts the pages in reading order.
func (b *builder) load() error {
	c := b.cfg
	t, err := readTOC(c.FS, path.Join(c.Content, TOCFile))
	if err != nil {
		return err
	}
	b.toc = t
	files, err := b.scanContent()
	if err != nil {
		return err
	}
	metas := map[string]markdown.Meta{}
	srcs := map[string][]byte{}
	var errs []error
	for _, f := range files {
		srcPath := path.Join(c.Content, f)
		src, err := fs.ReadFile(c.FS, srcPath)
		if err != nil {
			return err
		}
		meta, _, _, err := markdown.SplitFrontMatter(srcPath, src)
		errs = append(errs, err)
		metas[f], srcs[f] = meta, src
	}
	if _, ok := srcs["index.md"]; !ok {
		errs = append(errs, fmt.Errorf("%s: no home page: create it with a title in its front matter", path.Join(c.Content, "index.md")))
	}
	entries, err := t.resolve(path.Join(c.Content, TOCFile), files, func(f string) int { return metas[f].Order })
	if err = errors.Join(append(errs, err)...); err != nil {
		return err
	}
	entries = append([]entry{{file: "index.md", section: -1}}, entries...)
	urls := map[string]string{}
	for _, e := range entries {
		p := &page{file: e.file, srcPath: path.Join(c.Content, e.file), url: pageURL(e.file), section: e.section,
			src: srcs[e.file], meta: metas[e.file]}
		p.root = rootOf(p.url)
		if other, ok := urls[p.url]; ok {
			errs = append(errs, fmt.Errorf("%s:1: page has the same URL /%s as %s: rename one", p.srcPath, p.url, other))
		}
		urls[p.url] = p.srcPath
		b.pages = append(b.pages, p)
		b.byFile[p.file] = p
	}
	if b.examples, err = listExamples(c.FS); err != nil {
		return err
	}
	b.results, err = results.Open(c.FS, c.Results)
	return errors.Join(append(errs, err)...)
}

// scanContent returns the Markdown files of the content folder and records
// its other files as assets to copy.
func (b *builder) scanContent() ([]string, error) {
	var files []string
	err := fs.WalkDir(b.cfg.FS, b.cfg.Content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, b.cfg.Content), "/")
		if rel != "" && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir() && p == snippet.ConventionDir:
			return fs.SkipDir // data for attributes blocks, not a page or an asset
		case d.IsDir() || rel == TOCFile:
		case path.Ext(rel) == ".md":
			files = append(files, rel)
		default:
			b.assets[rel] = true
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no content folder", b.cfg.Content)
	}
	return files, err
}

// listExamples returns the ids of the folders under examples/.
func listExamples(fsys fs.FS) ([]string, error) {
	des, err := fs.ReadDir(fsys, "examples")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var ids []string
	for _, d := range des {
		if d.IsDir() && snippet.ValidExampleID(d.Name()) {
			ids = append(ids, d.Name())
		}
	}
	return ids, err
}

// parse parses every page, resolving its snippets, on every core.
func (b *builder) parse() error {
	hook := b.cfg.Telemetry
	if hook == nil {
		hook = b.telemetryData
	}
	b.md = markdown.New(snippet.Options{
		Theme:     b.theme,
		Repo:      b.cfg.FS,
		Results:   b.results.File(),
		Link:      b.snippetLink,
		Download:  b.downloadLink,
		Telemetry: hook,
		Output:    b.programOutput,
	})
	return errors.Join(parallel(len(b.pages), func(i int) error {
		p := b.pages[i]
		doc, err := b.md.Parse(p.srcPath, p.src, p.root)
		errs := []error{err}
		if doc == nil {
			return errors.Join(errs...)
		}
		p.doc = doc
		p.ids = map[string]bool{}
		for _, h := range doc.Headings {
			p.ids[h.ID] = true
			if h.Level == 1 {
				errs = append(errs, fmt.Errorf("%s:%d: a # heading: the page's title comes from its front matter; start sections at ##", p.srcPath, h.Line))
			}
		}
		if p.meta.Title == "" {
			errs = append(errs, fmt.Errorf("%s:1: no title: start the page with front matter holding title: <title>, between two lines ---", p.srcPath))
		}
		return errors.Join(errs...)
	})...)
}

// snippetLink is the caption link of a snippet: its source, or the
// download of its example.
func (b *builder) snippetLink(root string, blk snippet.Block, r region.Region) string {
	if b.cfg.SourceURL != "" {
		u := b.cfg.SourceURL + blk.Path
		if blk.Region != "" {
			u += fmt.Sprintf("#L%d-L%d", r.First, r.Last)
		}
		return u
	}
	return b.downloadLink(root, blk.Example)
}

// downloadLink is the link to the zip of an example, or "".
func (b *builder) downloadLink(root, id string) string {
	if _, ok := slices.BinarySearch(b.examples, id); !ok || id == "" {
		return ""
	}
	return root + downloadPath(id)
}

// sortErrors sorts joined errors by file, then line, one per line.
func sortErrors(err error) error {
	var errs []error
	var flatten func(error)
	flatten = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				flatten(x)
			}
			return
		}
		if e != nil {
			errs = append(errs, e)
		}
	}
	flatten(err)
	slices.SortStableFunc(errs, func(a, b error) int {
		fa, la := position(a.Error())
		fb, lb := position(b.Error())
		return cmp.Or(strings.Compare(fa, fb), cmp.Compare(la, lb))
	})
	return errors.Join(errs...)
}

// position splits "file:line: ..." for sorting.
func position(msg string) (string, int) {
	file, rest, _ := strings.Cut(msg, ":")
	n := 0
	for _, c := range []byte(rest) {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return file, n
}

// add puts a file into the site; two writers of one path is a bug to report.
// The site keeps data: callers pass a slice they no longer write to.
func (b *builder) add(name string, data []byte) error {
	if _, ok := b.out[name]; ok {
		return fmt.Errorf("%s: two files of the site have this path; rename the one in %s", name, b.cfg.Content)
	}
	b.out[name] = data
	return nil
}
