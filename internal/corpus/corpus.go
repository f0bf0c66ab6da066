// Package corpus writes a generated documentation site of n pages, the same
// Markdown for docgen and for Hugo, so that `make bench` can compare the two
// on equal input: each page has prose, three "##" sections, a 30-line YAML
// block and a table; the sidebar of both lists every page.
//
// Layout under dir:
//
//	content/            docgen's input: toc.yaml, index.md, s<k>/p<i>.md
//	hugo/               Hugo's site: hugo.toml, layouts/, content/ (the same
//	                    pages byte for byte; _index.md files instead of toc.yaml)
//
// The text is deterministic: the same n gives the same bytes.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// PerSection is how many pages each sidebar section holds.
const PerSection = 50

// Write generates the corpus of n pages under dir, replacing what was there.
func Write(dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("corpus: %d pages: want at least 1", n)
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	files := map[string]string{}
	var toc strings.Builder
	toc.WriteString("title: Generated corpus\nsections:\n")
	sections := (n + PerSection - 1) / PerSection
	for s := 0; s < sections; s++ {
		name := fmt.Sprintf("s%02d", s)
		fmt.Fprintf(&toc, "  - title: Section %d\n    folder: %s\n", s+1, name)
		files["hugo/content/"+name+"/_index.md"] = fmt.Sprintf("---\ntitle: Section %d\n---\n", s+1)
	}
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("s%02d/p%04d.md", i/PerSection, i)
		page := Page(i)
		files["content/"+p] = page
		files["hugo/content/"+p] = page
	}
	files["content/toc.yaml"] = toc.String()
	home := "---\ntitle: Generated corpus\n---\nA generated site for benchmarks.\n"
	files["content/index.md"] = home
	files["hugo/content/_index.md"] = home
	for name, data := range hugoFiles {
		files["hugo/"+name] = data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var words = strings.Fields(`span trace metric log exporter collector resource attribute context
propagation sampler batch processor provider meter tracer instrument histogram counter gauge
endpoint protocol service request response latency error status event link baggage header
pipeline receiver queue retry timeout shutdown flush export detector semantic convention`)

// Page returns the Markdown of page i.
func Page(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Page %d %s\ndescription: How the %s and the %s work together.\norder: %d\n---\n",
		i, words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))], i)
	para(&b, r, 3)
	for s := 1; s <= 3; s++ {
		fmt.Fprintf(&b, "\n## Section %d: the %s\n\n", s, words[r.IntN(len(words))])
		para(&b, r, 2)
		switch s {
		case 1:
			b.WriteString("\n```yaml\n")
			for l := 0; l < 30; l++ {
				fmt.Fprintf(&b, "%s%s_%d: %q\n", strings.Repeat("  ", l%3), words[r.IntN(len(words))], l, words[r.IntN(len(words))])
			}
			b.WriteString("```\n")
		case 2:
			b.WriteString("\n| Name | Kind | Value |\n|---|---|---|\n")
			for l := 0; l < 6; l++ {
				fmt.Fprintf(&b, "| `%s.%s` | %s | %d |\n", words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))], r.IntN(1000))
			}
		}
	}
	return b.String()
}

func para(b *strings.Builder, r *rand.Rand, n int) {
	for p := 0; p < n; p++ {
		b.WriteString("\n")
		for s := 0; s < 4; s++ {
			k := 8 + r.IntN(10)
			for w := 0; w < k; w++ {
				word := words[r.IntN(len(words))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				b.WriteString(word)
				if w < k-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
		}
		b.WriteString("\n")
	}
}

// hugoFiles make Hugo draw what docgen draws: a page with a sidebar that
// lists every page, the page's table of contents, previous and next links,
// code highlighted with CSS classes. No RSS or taxonomies (docgen has none).
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
title = "Generated corpus"
disableKinds = ["RSS", "taxonomy", "term"]
[markup.highlight]
  noClasses = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
`,
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="stylesheet" href="/site.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a></header>
<nav>{{ $cur := . }}{{ range .Site.Home.Sections }}<section><h2>{{ .Title }}</h2><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $cur }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{ end }}</ul></section>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ .Content }}</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<aside>{{ .TableOfContents }}</aside>{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
`,
}
