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
		for _, v := range s.Expect.Resource {
			if v != nil {
				v.Match("x")
				v.Match(int64(1))
				_ = v.String()
			}
		}
	})
}

func TestNullAttribute(t *testing.T) {
	_, err := ParseBytes("v.yaml", []byte("expect:\n  spans:\n    - attributes:\n        http.route:\n"))
	if err == nil {
		t.Fatal("an attribute with no value parsed without error")
	}
}
