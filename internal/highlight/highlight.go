// Package highlight turns source code into HTML with chroma, using CSS
// classes only (no inline styles), and writes the light and dark stylesheets
// those classes need.
//
// The language comes from a file name (File) or from the language word of a
// fenced code block (Lang); anything unknown is rendered as plain text, never
// as an error.
package highlight

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// formatter emits <pre class="chroma"><code>...</code></pre> with classes.
var formatter = html.New(html.WithClasses(true), html.WithCSSComments(false))

// byFile maps base names and extensions chroma does not know, or knows under
// another name, to a lexer.
var byFile = map[string]chroma.Lexer{
	"go.mod":  goMod,
	"go.work": goMod,
	".mod":    goMod,
	".work":   goMod,
	"go.sum":  plaintext(),
	".sum":    plaintext(),
	".txt":    plaintext(),
	".env":    lexers.Get("bash"),
}

// ForFile returns the lexer for a file name, by base name then extension,
// then chroma's own file patterns (Dockerfile, Makefile, *.yaml, ...).
func ForFile(name string) chroma.Lexer {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if l, ok := byFile[base]; ok {
		return l
	}
	if l, ok := byFile[path.Ext(base)]; ok {
		return l
	}
	if strings.HasPrefix(base, "Dockerfile") || strings.HasPrefix(base, "Containerfile") {
		return lexers.Get("docker")
	}
	if l := lexers.Match(base); l != nil {
		return l
	}
	return plaintext()
}

// ForLang returns the lexer for the language word of a fenced code block
// ("go", "yaml", "sh", "console", ...), or plain text.
func ForLang(lang string) chroma.Lexer {
	switch strings.ToLower(lang) {
	case "", "text", "txt", "plain", "output":
		return plaintext()
	case "gomod", "go.mod":
		return goMod
	case "shell", "sh", "console":
		// A "$ " prompt is shell-session syntax; chroma's bash lexer copes with both.
		return lexers.Get("bash")
	}
	if l := lexers.Get(lang); l != nil {
		return l
	}
	return plaintext()
}

// Name is the human name of a lexer ("Go", "YAML", "plaintext").
func Name(l chroma.Lexer) string { return l.Config().Name }

// Code renders code with lexer l as <pre class="chroma"><code>...</code></pre>.
func Code(l chroma.Lexer, code string) (template.HTML, error) {
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		return "", fmt.Errorf("highlight %s: %w", Name(l), err)
	}
	var b strings.Builder
	if err := formatter.Format(&b, styles.Get(LightStyle), plainSpace(it)); err != nil {
		return "", fmt.Errorf("highlight %s: %w", Name(l), err)
	}
	return template.HTML(b.String()), nil
}

// File renders code from a file called name.
func File(name, code string) (template.HTML, error) { return Code(ForFile(name), code) }

func plaintext() chroma.Lexer { return lexers.Get("plaintext") }

// plainSpace turns whitespace tokens into plain text, which the formatter
// writes without a <span class="w">: a space has no glyph to colour, so
// the code looks the same and a page of code is about a fifth lighter.
func plainSpace(it chroma.Iterator) chroma.Iterator {
	return func() chroma.Token {
		t := it()
		if t.Type == chroma.TextWhitespace {
			t.Type = chroma.Text
		}
		return t
	}
}
