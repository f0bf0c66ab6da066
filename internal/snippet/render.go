package snippet

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer writes snippet and telemetry nodes, or returns their error.
type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSnippet, r.renderSnippet)
	reg.Register(KindTelemetry, r.renderTelemetry)
	reg.Register(KindOutput, r.renderOutput)
}

var snippetHTML = template.Must(template.New("snippet").Parse(`<figure class="snippet" data-lang="{{.Lang}}">
<figcaption>
{{- if .Href}}<a class="snippet-file" href="{{.Href}}">{{.Block.Path}}</a>{{else}}<span class="snippet-file">{{.Block.Path}}</span>{{end}}
{{- if .Block.Region}} <span class="snippet-region">#{{.Block.Region}}</span>{{end}}
{{- if .Block.Region}} <span class="snippet-lines">lines {{.Region.First}}–{{.Region.Last}}</span>{{end}}
{{- if and .Download (ne .Download .Href)}} <a class="snippet-download" href="{{.Download}}" download>Download {{.Block.Example}}.zip</a>{{end}}
{{- if .Block.Example}} <span class="badge badge-{{.Badge.Class}}" title="{{.Badge.Provenance}}">{{.Badge.Label}}</span>{{end -}}
</figcaption>
<div class="code">{{.Code}}<button type="button" class="copy" hidden>Copy</button></div>
{{- if .Block.Example}}
<p class="provenance">{{.Badge.Provenance}}</p>
{{- end}}
</figure>
`))

var telemetryHTML = template.Must(template.New("telemetry").Parse(`<section class="telemetry" data-example="{{.Example}}">
{{- if .Panel}}
{{.Panel}}
{{- else}}
<p class="telemetry-none">No telemetry captured yet for example <code>{{.Example}}</code>{{with .Case}} (case <code>{{.}}</code>){{end}}: run <code>make verify</code> to run it against a Collector.</p>
{{- end}}
</section>
`))

func (r *nodeRenderer) renderSnippet(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Node)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, snippetHTML.Execute(w, n)
}

func (r *nodeRenderer) renderTelemetry(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*TelemetryNode)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, telemetryHTML.Execute(w, n)
}

var outputHTML = template.Must(template.New("output").Parse(`<figure class="program-output" data-example="{{.Example}}">
<figcaption>Output of <code>{{.Example}}</code>{{with .Case}}, case <code>{{.}}</code>{{end}}, from its last verified run</figcaption>
{{- if .Found}}
<pre><code>{{.Printed}}</code></pre>
{{- else}}
<p class="telemetry-none">Not run yet: run <code>make verify</code>.</p>
{{- end}}
</figure>
`))

func (r *nodeRenderer) renderOutput(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*OutputNode)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, outputHTML.Execute(w, n)
}
