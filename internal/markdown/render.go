package markdown

import (
	"errors"
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
// (escaped, so it shows as text instead of vanishing). What it adds to
// Markdown's own HTML comes from the theme's templates "code-block",
// "heading-anchor" and "raw-html".
type siteRenderer struct {
	theme *template.Template
}

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
	return ast.WalkSkipChildren, r.writeCode(w, highlight.ForLang(string(n.Language(src))), n.Lines().Value(src))
}

func (r *siteRenderer) indentedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, r.writeCode(w, highlight.ForLang(""), node.Lines().Value(src))
}

// writeCode writes a highlighted block through the theme (which adds a
// copy button).
func (r *siteRenderer) writeCode(w util.BufWriter, lexer chroma.Lexer, code []byte) error {
	h, err := highlight.Code(lexer, string(code))
	if err != nil {
		return err
	}
	return r.execute(w, "code-block", h)
}

// execute runs a template of the theme.
func (r *siteRenderer) execute(w util.BufWriter, name string, data any) error {
	if r.theme == nil {
		return errors.New("markdown: no theme: set snippet.Options.Theme (site.Templates)")
	}
	return r.theme.ExecuteTemplate(w, name, data)
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
		if err := r.execute(w, "heading-anchor", string(id)); err != nil {
			return ast.WalkStop, err
		}
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
	return ast.WalkSkipChildren, r.execute(w, "raw-html", strings.TrimRight(b.String(), "\n"))
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
