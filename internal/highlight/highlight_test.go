package highlight

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestForFile(t *testing.T) {
	tests := map[string]string{
		"examples/q/main.go":    "Go",
		"config.yaml":           "YAML",
		"c.yml":                 "YAML",
		"run.sh":                "Bash",
		"Dockerfile":            "Docker",
		"Dockerfile.collector":  "Docker",
		"Makefile":              "Makefile",
		"go.mod":                "go.mod",
		"x.json":                "JSON",
		"notes.txt":             "plaintext",
		"unknown.zzz":           "plaintext",
		"examples/q/verify.yml": "YAML",
	}
	for name, want := range tests {
		if got := Name(ForFile(name)); got != want {
			t.Errorf("ForFile(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestCodeUsesClasses(t *testing.T) {
	h, err := File("main.go", "package main\n\n// hi <b>\nfunc main() {}\n")
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	for _, want := range []string{`<pre class="chroma"><code>`, `<span class="kd">func</span>`, `&lt;b&gt;`} {
		if !strings.Contains(s, want) {
			t.Errorf("highlighted code lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "style=") {
		t.Errorf("highlighted code has inline styles:\n%s", s)
	}
}

func TestStylesheets(t *testing.T) {
	light, err := LightCSS()
	if err != nil {
		t.Fatal(err)
	}
	dark, err := DarkCSS()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(light), ".chroma .kd {") {
		t.Errorf("light stylesheet lacks .chroma .kd:\n%s", light)
	}
	for _, want := range []string{`[data-theme="dark"] .chroma .kd {`, "@media (prefers-color-scheme: dark)", `:root:not([data-theme="light"]) .chroma .kd {`} {
		if !strings.Contains(string(dark), want) {
			t.Errorf("dark stylesheet lacks %q:\n%s", want, dark)
		}
	}
}

// Every token the light theme colours is coloured, or reset, by the dark
// theme: no light colour shows through on a dark background.
func TestDarkCoversLight(t *testing.T) {
	light, _ := LightCSS()
	dark, _ := DarkCSS()
	for _, line := range strings.Split(strings.TrimSpace(string(light)), "\n") {
		sel, _, _ := strings.Cut(line, " { ")
		if !strings.Contains(string(dark), DarkSelector+" "+sel+" {") {
			t.Errorf("dark stylesheet has no rule for %s", sel)
		}
	}
}

// Whitespace is written as plain text, not wrapped in spans: the code's
// text is unchanged and no <span class="w"> is left.
func TestWhitespaceIsPlain(t *testing.T) {
	src := "key:\n  - a: 1\n    b: \"two\"\n"
	got, err := Code(ForLang("yaml"), src)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(got), `class="w"`) {
		t.Errorf("whitespace spans left:\n%s", got)
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(got), "")
	if html.UnescapeString(text) != src {
		t.Errorf("text changed:\n got %q\nwant %q", html.UnescapeString(text), src)
	}
}
