package markdown

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"oteldocs.dev/internal/snippet"
	"oteldocs.dev/site"
)

// theme is the site's own theme: it draws what this package adds to
// Markdown's HTML.
var theme = template.Must(site.Templates(site.FS))

func newMD() *Markdown {
	return New(snippet.Options{Theme: theme, Repo: fstest.MapFS{
		"examples/q/main.go": {Data: []byte("package main\n\n// [START run]\nfunc run() {}\n// [END run]\n")},
	}})
}

func render(t *testing.T, src string) string {
	t.Helper()
	m := newMD()
	d, err := m.Parse("content/x.md", []byte(src), "../")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var b bytes.Buffer
	if err := m.Render(&b, d); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestRender(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		not       []string
	}{
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", []string{"<table>", "<td>1</td>"}, nil},
		{"strikethrough", "~~old~~\n", []string{"<del>old</del>"}, nil},
		{"autolink", "see https://opentelemetry.io now\n", []string{`<a href="https://opentelemetry.io">`}, nil},
		{"task list", "- [x] done\n", []string{`<input checked="" disabled="" type="checkbox"`}, nil},
		{"heading id and anchor", "## Send spans\n", []string{`<h2 id="send-spans">Send spans <a class="anchor" href="#send-spans"`}, nil},
		{"custom heading id", "## Send spans {#send}\n", []string{`<h2 id="send">`}, nil},
		{"raw html block escaped", "<script>alert(1)</script>\n", []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>"}},
		{"inline raw html escaped", "a <b onclick=x>b</b>\n", []string{"&lt;b onclick=x&gt;b&lt;/b&gt;"}, []string{"<b "}},
		{"fenced code highlighted", "```yaml\na: 1\n```\n", []string{`<div class="code"><pre class="chroma">`, `class="copy"`}, []string{"style="}},
		{"snippet", "```snippet examples/q/main.go#run\n```\n", []string{`<figure class="snippet"`, `<span class="kd">func</span>`, "badge-unverified"}, []string{"[START"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.src)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestErrorLines(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"missing region after front matter", "---\ntitle: X\n---\n\ntext\n\n```snippet examples/q/main.go#nope\n```\n",
			`content/x.md:7: snippet examples/q/main.go#nope: examples/q/main.go: unknown region "nope": the file has "run"`},
		{"missing file", "```snippet examples/q/nope.go\n```\n",
			"content/x.md:1: snippet examples/q/nope.go: no such file examples/q/nope.go: check the path, written from the repository root"},
		{"pasted code", "- item\n\n  ```snippet examples/q/main.go#run\n  func x() {}\n  ```\n",
			"content/x.md:3: snippet examples/q/main.go#run: the block must be empty: its code comes from the file; delete the lines inside it"},
		{"go fence", "```go\nfunc x() {}\n```\n", "content/x.md:1: Go code on a page must come from an example that compiles"},
		{"unknown example", "```telemetry nope\n```\n", "content/x.md:1: telemetry nope: unknown example: there is no folder examples/nope"},
		{"bad info", "```snippet\n```\n", `content/x.md:1: want "snippet PATH" or "snippet PATH#REGION"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMD()
			d, err := m.Parse("content/x.md", []byte(tt.src), "")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Parse error:\n%v\nwant prefix\n%s", err, tt.want)
			}
			// The renderer fails with the same error: Convert cannot succeed.
			if rerr := m.Render(&bytes.Buffer{}, d); rerr == nil || rerr.Error() != err.Error() {
				t.Errorf("Render error %v, want %v", rerr, err)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	meta, body, offset, err := SplitFrontMatter("c.md", []byte("---\ntitle: Quick start\ndescription: D\norder: 2\n---\n# Body\n"))
	if err != nil {
		t.Fatal(err)
	}
	if meta != (Meta{Title: "Quick start", Description: "D", Order: 2}) || string(body) != "# Body\n" || offset != 5 {
		t.Errorf("got %+v %q %d", meta, body, offset)
	}
	_, body, offset, err = SplitFrontMatter("c.md", []byte("no front matter\n"))
	if err != nil || string(body) != "no front matter\n" || offset != 0 {
		t.Errorf("without front matter: %q %d %v", body, offset, err)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := map[string]string{
		"---\ntitle: x\n":                  "c.md:1: front matter is not closed: add a line --- after its last key",
		"---\ntitle: x\ntitel: y\n---\n":   "c.md:3: front matter: field titel not found (known keys: title, description, order)",
		"---\ntitle: x\norder: two\n---\n": "c.md:3: front matter: cannot unmarshal !!str `two` into int",
		"---\ntitle: [x\n---\n":            "c.md:2: front matter: did not find expected ',' or ']'",
	}
	for src, want := range tests {
		_, _, _, err := SplitFrontMatter("c.md", []byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("SplitFrontMatter(%q) error:\n%v\nwant\n%s", src, err, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("---\ntitle: x\n---\n## A\n\n```snippet examples/q/main.go#run\n```\n")
	f.Add("---\ntitle: [\n---\n")
	f.Add("```go\nx\n```\n<b>hi</b>")
	m := newMD()
	f.Fuzz(func(t *testing.T, src string) {
		d, err := m.Parse("c.md", []byte(src), "")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "c.md:") {
				t.Fatalf("error %q does not start with the file", err)
			}
			return
		}
		var b bytes.Buffer
		if err := m.Render(&b, d); err != nil {
			t.Fatalf("Parse succeeded, Render failed: %v", err)
		}
		if n := d.Line(d.Root); n < 1 {
			t.Fatalf("line %d", n)
		}
	})
}
