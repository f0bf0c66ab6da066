package docgen

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// searchEntry is one page in search.json, which the site's script loads
// on the first keystroke in the search box. Keys are short: the file is
// downloaded whole.
type searchEntry struct {
	Title       string   `json:"t"`
	URL         string   `json:"u"` // relative to the site root
	Section     string   `json:"s,omitempty"`
	Description string   `json:"d,omitempty"`
	Headings    []string `json:"h,omitempty"`
	Text        string   `json:"x"`
}

// maxSearchText bounds the prose kept per page.
const maxSearchText = 6000

// writeSearchIndex writes search.json.
func (b *builder) writeSearchIndex() error {
	entries := make([]searchEntry, 0, len(b.pages))
	for _, p := range b.pages {
		e := searchEntry{Title: p.meta.Title, URL: p.url, Description: p.meta.Description, Text: proseOf(p)}
		if p.section >= 0 {
			e.Section = b.toc.Sections[p.section].Title
		}
		for _, h := range p.doc.Headings {
			e.Headings = append(e.Headings, h.Text)
		}
		entries = append(entries, e)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(entries); err != nil {
		return err
	}
	return b.add("search.json", buf.Bytes())
}

// proseOf returns the text of a page's paragraphs, lists and tables,
// without code, collapsed to single spaces.
func proseOf(p *page) string {
	var b strings.Builder
	src := p.doc.Body
	_ = ast.Walk(p.doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ') // between paragraphs, items, cells
			}
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > maxSearchText {
		s = s[:maxSearchText]
		for len(s) > 0 && !isRuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
	}
	return s
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }
