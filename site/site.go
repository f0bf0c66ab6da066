// Package site is the theme of the documentation site, embedded in
// cmd/docgen at compile time. It owns every piece of HTML the site shows;
// Go code only computes the data the templates receive.
//
//	templates/page.html        every page, the home page and the 404 page
//	templates/snippet.html     a snippet figure, its verification badge, a code block
//	templates/telemetry.html   a telemetry block and its panel (spans, metrics, logs)
//	templates/output.html      an output block: what an example printed
//	templates/table.html       a table block: a CSV file of the repository
//	templates/diff.html        a diff block: what changed between two files or folders
//	templates/attributes.html  an attributes block: a semantic convention next to what a run sent
//	templates/markdown.html    the site's additions to Markdown: heading anchors, raw HTML shown as text
//	static/                    copied to assets/ in the built site
//	serve/                     served only by docgen serve (live reload)
//
// docgen serve reads the theme from this folder on disk instead, so an edit
// shows without recompiling.
package site

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
)

// FS holds templates/, static/ and serve/.
//
//go:embed templates static serve
var FS embed.FS

// Names are the templates docgen executes: page.html by its file name, the
// parts by the names their {{define}} gives them.
var Names = []string{
	"page.html", "sidebar",
	"snippet", "badge", "code", "code-block",
	"telemetry", "telemetry-panel", "telemetry-trace", "telemetry-chart",
	"output", "attributes", "report",
	"heading-anchor", "raw-html",
}

// Templates parses templates/*.html of a theme (FS, or the folder on disk)
// into one set, and checks that it has every template of Names.
func Templates(theme fs.FS) (*template.Template, error) {
	t, err := template.ParseFS(theme, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, name := range Names {
		if t.Lookup(name) == nil {
			return nil, fmt.Errorf("theme: templates/*.html: no template %q: define it, as site/templates does with {{define %q}}", name, name)
		}
	}
	return t, nil
}
