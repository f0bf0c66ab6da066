package yamlerr

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type doc struct {
	Name  string `yaml:"name"`
	Count int    `yaml:"count"`
	Tag   tagged `yaml:"tag"`
}

// tagged refuses the value "bad" with an At error.
type tagged string

func (t *tagged) UnmarshalYAML(n *yaml.Node) error {
	if n.Value == "bad" {
		return At(n, "tag: want anything but %q", n.Value)
	}
	*t = tagged(n.Value)
	return nil
}

func TestErrors(t *testing.T) {
	words := strings.NewReplacer("in type yamlerr.doc", "(known keys: name, count, tag)")
	tests := []struct {
		name    string
		src     string
		offset  int
		rewrite func(string) string
		want    string
	}{
		{"syntax", "name: [x\n", 0, nil, "f.yaml:1: did not find expected ',' or ']'"},
		{"type error with offset", "name: x\ncount: two\n", 3, nil, "f.yaml:5: cannot unmarshal !!str `two` into int"},
		{"one type error", "name: x\ncount: two\n", 0, nil, "f.yaml:2: cannot unmarshal !!str `two` into int"},
		{"two type errors, one line each", "count: two\nnope: 1\n", 0, words.Replace,
			"f.yaml:1: cannot unmarshal !!str `two` into int\nf.yaml:2: field nope not found (known keys: name, count, tag)"},
		{"At keeps the node's line", "name: x\n\ntag: bad\n", 1, nil, `f.yaml:4: tag: want anything but "bad"`},
		{"no line: the text's first line", "\t", 2, nil, "f.yaml:3: found character that cannot start any token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			dec := yaml.NewDecoder(strings.NewReader(tt.src))
			dec.KnownFields(true)
			err := Errors("f.yaml", tt.offset, dec.Decode(&d), tt.rewrite)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
	if Errors("f.yaml", 0, nil, nil) != nil {
		t.Error("Errors(nil) is not nil")
	}
}
