package markdown

import (
	"html"
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"oteldocs.dev/internal/highlight"
)

// siteRenderer replaces goldmark's rendering of code blocks (highlighted,
// with a copy button), headings (with a link to themselves) and raw HTML
// (escaped, so it shows as text instead of vanishing).
type siteRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *siteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
	reg.Register(ast.KindCodeBlock, r.indentedCode)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
}

func (r *siteRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	return ast.WalkSkipChildren, writeCode(w, highlight.ForLang(string(n.Language(src))), n.Lines().Value(src))
}

func (r *siteRenderer) indentedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, writeCode(w, highlight.ForLang(""), node.Lines().Value(src))
}

// writeCode writes a highlighted block with a copy button, which the site's
// script reveals (without JavaScript there is nothing to click).
func writeCode(w util.BufWriter, lexer chroma.Lexer, code []byte) error {
	h, err := highlight.Code(lexer, string(code))
	if err != nil {
		return err
	}
	_, _ = w.WriteString(`<div class="code">`)
	_, _ = w.WriteString(string(h))
	_, _ = w.WriteString(`<button type="button" class="copy" hidden>Copy</button></div>` + "\n")
	return nil
}

func (r *siteRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	idv, _ := n.AttributeString("id")
	id, _ := idv.([]byte)
	if entering {
		_, _ = w.WriteString("<h" + string("0123456"[n.Level]))
		if len(id) > 0 {
			_, _ = w.WriteString(` id="` + template.HTMLEscapeString(string(id)) + `"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if len(id) > 0 && n.Level > 1 {
		_, _ = w.WriteString(` <a class="anchor" href="#` + template.HTMLEscapeString(string(id)) + `" aria-label="Link to this section">#</a>`)
	}
	_, _ = w.WriteString("</h" + string("0123456"[n.Level]) + ">\n")
	return ast.WalkContinue, nil
}

func (r *siteRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b strings.Builder
	b.Write(n.Lines().Value(src))
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	_, _ = w.WriteString(`<pre class="raw-html">` + html.EscapeString(strings.TrimRight(b.String(), "\n")) + "</pre>\n")
	return ast.WalkSkipChildren, nil
}

func (r *siteRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	return ast.WalkSkipChildren, nil
}
