// Package markdown holds the whole goldmark configuration of the site, in
// New, and parses a page into a Doc: its front matter, its syntax tree, its
// headings, and the line of any node for error messages.
//
// The dialect is CommonMark with GitHub's tables, strikethrough, autolinks
// and task lists; headings get an id from their text (or {#id} after the
// heading); raw HTML is shown escaped, never passed through; fenced code
// blocks are highlighted by language; snippet and telemetry blocks come from
// package snippet.
package markdown

import (
	"bytes"
	"errors"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"oteldocs.dev/internal/snippet"
)

// Markdown parses and renders pages.
type Markdown struct {
	md  goldmark.Markdown
	ext *snippet.Extension
}

// New returns the site's Markdown dialect, with snippets resolved by opts.
// This is the one place goldmark is configured.
func New(opts snippet.Options) *Markdown {
	ext := snippet.New(opts)
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM, // tables, strikethrough, autolinks, task lists
			ext,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
		),
		goldmark.WithRendererOptions(
			// No html.WithUnsafe: raw HTML never reaches the page.
			renderer.WithNodeRenderers(util.Prioritized(&siteRenderer{opts.Theme}, 50)),
		),
	)
	return &Markdown{md: md, ext: ext}
}

// Forget makes the next Parse read the files under dir (from the
// repository root) again; see snippet.Extension.Forget.
func (m *Markdown) Forget(dir string) { m.ext.Forget(dir) }

// Doc is a parsed page.
type Doc struct {
	File     string    // content/x.md
	Meta     Meta      // front matter
	Body     []byte    // the Markdown after the front matter
	Offset   int       // lines before Body in the file
	Root     ast.Node  // the syntax tree of Body
	Headings []Heading // every heading, in order
}

// Heading is a heading of a page.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Parse parses the page file (as the author names it, e.g. content/x.md)
// with source src. root is the relative path from the page's URL to the
// site root ("../../"). All errors of the page are returned together, each
// starting with file:line; the Doc is returned when parsing got that far.
func (m *Markdown) Parse(file string, src []byte, root string) (*Doc, error) {
	meta, body, offset, err := SplitFrontMatter(file, src)
	if err != nil {
		return nil, err
	}
	pc := parser.NewContext()
	snippet.SetPage(pc, snippet.Page{File: file, LineOffset: offset, Root: root})
	tree := m.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	d := &Doc{File: file, Meta: meta, Body: body, Offset: offset, Root: tree}
	d.Headings = d.headings()
	return d, errors.Join(snippet.Errors(pc)...)
}

// Render writes the page's HTML.
func (m *Markdown) Render(w io.Writer, d *Doc) error {
	return m.md.Renderer().Render(w, d.Body, d.Root)
}

// Line returns the line in the file of node n: the line of its first text.
func (d *Doc) Line(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if pos, ok := start(p); ok {
			return d.Offset + 1 + bytes.Count(d.Body[:pos], []byte("\n"))
		}
	}
	return d.Offset + 1
}

// start finds the first source offset inside n.
func start(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos, ok := start(c); ok {
			return pos, true
		}
	}
	return 0, false
}

func (d *Doc) headings() []Heading {
	var hs []Heading
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		hs = append(hs, Heading{Level: h.Level, ID: string(idb), Text: PlainText(h, d.Body), Line: d.Line(h)})
		return ast.WalkSkipChildren, nil
	})
	return hs
}

// PlainText returns the text of n without markup.
func PlainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b.Bytes()))
}
