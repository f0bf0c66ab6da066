package snippet

import (
	"errors"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer writes snippet, telemetry and output nodes through the
// theme's templates, or returns their error. The nodes are the templates'
// data: every value is resolved when the node is made.
type nodeRenderer struct {
	theme *template.Template
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSnippet, r.render("snippet", func(n ast.Node) error { return n.(*Node).Err }))
	reg.Register(KindTelemetry, r.render("telemetry", func(n ast.Node) error { return n.(*TelemetryNode).Err }))
	reg.Register(KindOutput, r.render("output", func(n ast.Node) error { return n.(*OutputNode).Err }))
	reg.Register(KindTable, r.render("table", func(n ast.Node) error { return n.(*TableNode).Err }))
	reg.Register(KindAttributes, r.render("attributes", func(n ast.Node) error { return n.(*AttributesNode).Err }))
	reg.Register(KindDiff, r.render("diff", func(n ast.Node) error { return n.(*DiffNode).Err }))
}

// render returns the renderer of a node kind: template name of the theme
// with the node as data, or the node's error.
func (r *nodeRenderer) render(name string, errOf func(ast.Node) error) renderer.NodeRendererFunc {
	return func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if err := errOf(node); err != nil {
			return ast.WalkStop, err
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if r.theme == nil {
			return ast.WalkStop, errors.New("snippet: no theme: set Options.Theme (site.Templates)")
		}
		return ast.WalkSkipChildren, r.theme.ExecuteTemplate(w, name, node)
	}
}
