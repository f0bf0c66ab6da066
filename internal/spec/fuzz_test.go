package spec

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzParse checks that no verify.yaml, however broken, makes the parser or
// a matcher panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, a := range ar.Files {
			if a.Name == "verify.yaml" {
				f.Add(a.Data)
			}
		}
	}
	if b, err := os.ReadFile("../../examples/quickstart/verify.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseBytes("verify.yaml", b)
		if err != nil {
			return
		}
		var values []*Value
		for _, v := range s.Expect.Resource {
			values = append(values, v)
		}
		for _, sp := range s.Expect.Spans {
			values = append(values, sp.Name, sp.Kind, sp.Count)
		}
		for _, m := range s.Expect.Metrics {
			values = append(values, m.Name, m.Type, m.Temporality, m.Count)
		}
		for _, l := range s.Expect.Logs {
			values = append(values, l.Body, l.Count)
		}
		for _, v := range values {
			if v != nil {
				v.Match("x")
				v.Match(int64(1))
				_ = v.String()
			}
		}
	})
}

// Verify that empty items, found by FuzzParse as panics, are errors.
func TestEmptyItems(t *testing.T) {
	for _, in := range []string{
		"expect:\n  spans:\n    - attributes:\n        http.route:\n",
		"expect:\n  logs:\n  -",
		"expect:\n  spans:\n  - links:\n    -",
		"expect:\n  metrics:\n  - name: x\n    points:\n    -",
	} {
		if _, err := ParseBytes("v.yaml", []byte(in)); err == nil {
			t.Errorf("%q parsed without error", in)
		}
	}
}
