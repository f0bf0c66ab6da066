// Package txtartest runs table tests kept as txtar archives: each archive
// holds input files and a "want" file, and a function turns the inputs into
// the text that want must equal. With -update the want files are rewritten.
//
// An archive whose name contains "_err_" is an error case: its function
// must report failure (ok false), and any other must report success.
package txtartest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

// Run runs fn for each archive matching glob (e.g. "testdata/*.txtar").
// fn gets the archive's files by name (without want) and returns the text
// to compare with want, and whether the case succeeded.
func Run(t *testing.T, glob string, fn func(t *testing.T, files map[string][]byte) (got string, ok bool)) {
	t.Helper()
	paths, _ := filepath.Glob(glob)
	if len(paths) == 0 {
		t.Fatalf("no test cases match %s", glob)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			want := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					want = i
					continue
				}
				files[f.Name] = f.Data
			}
			if want < 0 {
				t.Fatalf("%s: no want file", path)
			}
			got, ok := fn(t, files)
			if isErr := strings.Contains(filepath.Base(path), "_err_"); isErr == ok {
				t.Errorf("%s: the name says error case = %v, but the case succeeded = %v:\n%s", path, isErr, ok, got)
			}
			if *update {
				ar.Files[want].Data = []byte(got)
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if w := string(ar.Files[want].Data); got != w {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", path, got, w)
			}
		})
	}
}
