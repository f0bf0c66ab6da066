package results

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// The layout docgen reads is the one verify writes: a results file naming
// the folder of each example, output.txt in it, named cases below cases/.
func TestReader(t *testing.T) {
	fsys := fstest.MapFS{
		"build/verify/results.json": {Data: []byte(`{"examples":[
			{"id":"ran","status":"pass","level":"asserted","telemetry":"build/verify/ran"},
			{"id":"broken","status":"fail","level":""}]}`)},
		"build/verify/ran/output.txt":                   {Data: []byte("main\n")},
		"build/verify/ran/traces.json":                  {Data: []byte("{}\n")},
		"build/verify/ran/cases/wrong-token/output.txt": {Data: []byte("denied\n")},
	}
	r, err := Open(fsys, DefaultPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ id, caseName, want string }{
		{"ran", "", "main\n"},
		{"ran", "wrong-token", "denied\n"},
	} {
		got, ok, err := r.Output(c.id, c.caseName)
		if err != nil || !ok || string(got) != c.want {
			t.Errorf("Output(%s, %q) = %q, %v, %v; want %q", c.id, c.caseName, got, ok, err, c.want)
		}
	}
	for _, c := range []struct{ id, caseName string }{{"ran", "no-such-case"}, {"broken", ""}, {"absent", ""}} {
		if got, ok, err := r.Output(c.id, c.caseName); ok || err != nil {
			t.Errorf("Output(%s, %q) = %q, %v, %v; want nothing", c.id, c.caseName, got, ok, err)
		}
	}
	sub, ok, err := r.CaseFS("ran", "")
	if err != nil || !ok {
		t.Fatalf("CaseFS(ran) = %v, %v", ok, err)
	}
	if b, err := fs.ReadFile(sub, "traces.json"); err != nil || string(b) != "{}\n" {
		t.Errorf("CaseFS(ran)/traces.json = %q, %v", b, err)
	}
	if _, ok, _ := r.CaseFS("broken", ""); ok {
		t.Error("CaseFS(broken): an example that never ran has no folder")
	}
}

func TestOpenMissingAndBroken(t *testing.T) {
	r, err := Open(fstest.MapFS{}, DefaultPath)
	if err != nil || r.File() != nil {
		t.Errorf("Open(missing) = %v, %v; want no file, no error", r.File(), err)
	}
	if _, ok := r.Lookup("any"); ok {
		t.Error("Lookup on no results found something")
	}
	_, err = Open(fstest.MapFS{DefaultPath: {Data: []byte("{")}}, DefaultPath)
	if err == nil || !strings.HasPrefix(err.Error(), DefaultPath+": ") || !strings.Contains(err.Error(), "make verify") {
		t.Errorf("Open(broken) error = %v; want the file first and what to do", err)
	}
}

// TestCaseDir pins the layout: changing it changes what docgen reads from
// results verify wrote before, so it is part of the contract.
func TestCaseDir(t *testing.T) {
	for _, c := range []struct{ id, caseName, want string }{
		{"quickstart", "", "quickstart"},
		{"auth", "wrong-token", "auth/cases/wrong-token"},
	} {
		if got := CaseDir(c.id, c.caseName); got != c.want {
			t.Errorf("CaseDir(%q, %q) = %q, want %q", c.id, c.caseName, got, c.want)
		}
	}
	if DefaultPath != "build/verify/results.json" || OutputFile != "output.txt" {
		t.Errorf("DefaultPath %q, OutputFile %q: the layout changed", DefaultPath, OutputFile)
	}
}

func TestLevelOrder(t *testing.T) {
	order := []Level{LevelNone, LevelCompiled, LevelRan, LevelAsserted}
	for i, a := range order {
		for j, b := range order {
			if got := a.AtLeast(b); got != (i >= j) {
				t.Errorf("%q.AtLeast(%q) = %v", a, b, got)
			}
			want := order[min(i, j)]
			if got := a.Lower(b); got != want {
				t.Errorf("%q.Lower(%q) = %q, want %q", a, b, got, want)
			}
		}
	}
	if Level("bogus").AtLeast(LevelNone) {
		t.Error("an unknown level ranks at none or above")
	}
}
