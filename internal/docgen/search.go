package docgen

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// searchIndex is search.json, which the site's script loads on the first
// use of the search box. It is downloaded whole, so it holds no page text:
// each page's title, headings and description, and one inverted index of
// the words of every page's prose. A word costs its spelling once for the
// whole site, plus a small number per page it occurs in; the index grows
// with the pages' vocabulary, not with their length.
type searchIndex struct {
	Pages []searchPage `json:"p"`
	// Words maps each word of the prose (lower case, split as searchWords
	// splits) to the pages it occurs in: indexes into Pages, ascending,
	// each given as the difference from the one before, which keeps the
	// numbers short.
	Words map[string][]int `json:"w"`
}

// searchPage is one page of the index. Keys are short: the file is
// downloaded whole.
type searchPage struct {
	Title       string `json:"t"`
	URL         string `json:"u"` // relative to the site root
	Section     string `json:"s,omitempty"`
	Description string `json:"d,omitempty"`
	// Headings are the page's headings below its title ("##" and
	// deeper), in order, each with its anchor, so that a result can land
	// on the heading.
	Headings []searchHeading `json:"h,omitempty"`
}

// searchHeading is a heading and its id, written as a two-element array
// ["text", "id"]: shorter than an object with keys.
type searchHeading struct {
	Text, ID string
}

// MarshalJSON writes the heading as ["text", "id"], leaving <, > and &
// as they are, like the rest of the file.
func (h searchHeading) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode([2]string{h.Text, h.ID}); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads ["text", "id"].
func (h *searchHeading) UnmarshalJSON(data []byte) error {
	var pair [2]string
	if err := json.Unmarshal(data, &pair); err != nil {
		return err
	}
	h.Text, h.ID = pair[0], pair[1]
	return nil
}

// writeSearchIndex writes search.json.
func (b *builder) writeSearchIndex() error {
	data, err := b.searchIndex()
	if err != nil {
		return err
	}
	return b.add("search.json", data)
}

// searchIndex is the content of search.json.
func (b *builder) searchIndex() ([]byte, error) {
	idx := searchIndex{Pages: make([]searchPage, 0, len(b.pages)), Words: map[string][]int{}}
	for i, p := range b.pages {
		e := searchPage{Title: p.meta.Title, URL: p.url, Description: p.meta.Description}
		if p.section >= 0 {
			e.Section = b.toc.Sections[p.section].Title
		}
		for _, h := range p.doc.Headings {
			if h.Level >= 2 && h.ID != "" {
				e.Headings = append(e.Headings, searchHeading{Text: h.Text, ID: h.ID})
			}
		}
		idx.Pages = append(idx.Pages, e)
		for _, w := range p.searchWords() {
			if ps := idx.Words[w]; len(ps) == 0 || ps[len(ps)-1] != i {
				idx.Words[w] = append(ps, i)
			}
		}
	}
	for w, ps := range idx.Words {
		idx.Words[w] = deltas(ps)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(idx); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// searchWords splits text into lower-case words at every character that is
// not a letter or a digit, as site.js splits a query: otelhttp.NewHandler
// gives "otelhttp" and "newhandler". Words of one character are left out.
func searchWords(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return slices.DeleteFunc(words, func(w string) bool { return len([]rune(w)) < 2 })
}

// searchWords returns the distinct words of the page's prose, computed
// once per parse: docgen serve builds the index again after every edit.
func (p *page) searchWords() []string {
	if p.words == nil {
		words := searchWords(proseOf(p))
		slices.Sort(words)
		p.words = slices.Compact(words)
	}
	return p.words
}

// deltas rewrites ascending numbers as the first followed by differences.
func deltas(ns []int) []int {
	out := make([]int, len(ns))
	prev := 0
	for i, n := range ns {
		out[i], prev = n-prev, n
	}
	return out
}

// proseOf returns the text of a page's paragraphs, lists and tables,
// without headings (indexed apart) and code blocks.
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
	return b.String()
}
