package verify

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/mod/modfile"
)

// Verify that go.work lists every example module, so editors see them all.
func TestGoWorkListsExamples(t *testing.T) {
	b, err := os.ReadFile("../../go.work")
	if err != nil {
		t.Fatal(err)
	}
	wf, err := modfile.ParseWork("go.work", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range wf.Use {
		listed[filepath.Clean(u.Path)] = true
	}
	mods, _ := filepath.Glob("../../examples/*/go.mod")
	if len(mods) == 0 {
		t.Fatal("no example modules found")
	}
	for _, m := range mods {
		dir, _ := filepath.Rel("../..", filepath.Dir(m))
		if !listed[dir] {
			t.Errorf("go.work does not list %s: add it to the use block", dir)
		}
	}
}
