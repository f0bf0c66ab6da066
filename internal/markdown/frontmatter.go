package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
	"oteldocs.dev/internal/yamlerr"
)

// Meta is a page's front matter.
type Meta struct {
	Title       string `yaml:"title"`       // the page's <h1> and <title>
	Description string `yaml:"description"` // <meta name="description"> and the search index
	Order       int    `yaml:"order"`       // position in a toc section that lists a folder
}

// SplitFrontMatter separates the YAML front matter of src, between a first
// line "---" and the next line "---", from the body. It returns the body and
// the number of lines before it, so that body line n is file line n+offset.
// src without front matter is all body. Errors start with file:line.
func SplitFrontMatter(file string, src []byte) (meta Meta, body []byte, offset int, err error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return Meta{}, src, 0, nil
	}
	var yamlText []byte
	lines := 1
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		lines++
		rest = after
		if string(bytes.TrimRight(line, " \t")) == "---" {
			if err := decodeMeta(file, yamlText, &meta); err != nil {
				return Meta{}, nil, 0, err
			}
			return meta, rest, lines, nil
		}
		yamlText = append(append(yamlText, line...), '\n')
	}
	return Meta{}, nil, 0, fmt.Errorf("%s:1: front matter is not closed: add a line --- after its last key", file)
}

// metaWords names, in errors, the keys a page may write instead of the Go type.
var metaWords = strings.NewReplacer("in type markdown.Meta", "(known keys: title, description, order)")

// decodeMeta decodes the front matter, which starts on file line 2, and
// rejects unknown keys so that a typo never goes unnoticed.
func decodeMeta(file string, text []byte, meta *Meta) error {
	if len(bytes.TrimSpace(text)) == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	dec.KnownFields(true)
	return yamlerr.Errors(file, 1, dec.Decode(meta), func(msg string) string {
		return "front matter: " + metaWords.Replace(msg)
	})
}
