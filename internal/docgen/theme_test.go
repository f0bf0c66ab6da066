package docgen

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/site"
)

// Verify that the theme draws the panel of the recorded quickstart run as
// its golden file says: a change of site/templates/telemetry.html shows
// here on a real run, with every kind of signal.
func TestPanelGolden(t *testing.T) {
	d, err := telemetry.Load("../match/testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.Templates(site.FS)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := theme.ExecuteTemplate(&buf, "telemetry-panel", telemetry.NewPanel(d)); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	const golden = "testdata/quickstart_panel.html"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("panel differs from %s (go test -update to accept):\n%s", golden, got)
	}
	for _, s := range []string{
		`<code class="span-name">GET /users/:id</code>`,
		`<code>http.server.request.duration</code>`,
		`user found`,
	} {
		if !strings.Contains(got, s) {
			t.Errorf("panel lacks %q", s)
		}
	}
}

// Verify that a theme missing a part fails the build with a message that
// names the part, instead of failing on the first page that uses it.
func TestThemeMissingTemplate(t *testing.T) {
	cfg := archiveConfig(t, "snippet_region")
	page, err := fs.ReadFile(site.FS, "templates/page.html")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Theme = fstest.MapFS{
		"templates/page.html":    {Data: page},
		"templates/snippet.html": {Data: []byte(`{{define "snippet"}}<figure></figure>{{end}}`)},
	}
	_, err = Generate(cfg)
	if err == nil || !strings.Contains(err.Error(), `no template "badge"`) {
		t.Errorf("err = %v, want one naming the missing template \"badge\"", err)
	}
}
