package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
)

// manual returns the package comment of the manual's files (doc.go,
// doc_run.go, doc_wire.go: go doc joins them in name order) as one text.
func manual(t *testing.T) []byte {
	t.Helper()
	files, _ := filepath.Glob("doc*.go")
	var all []byte
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	if len(all) == 0 {
		t.Fatal("no doc*.go: the manual moved; update this test")
	}
	return all
}

// Verify that the verify.yaml examples of the manual (doc*.go) parse: the
// complete example, the case after it and the http_faults fragment, read
// from doc.go itself, so the manual cannot drift from the parser.
func TestManualExamplesParse(t *testing.T) {
	b := manual(t)
	var blocks []string
	var cur []string
	for _, line := range strings.Split(string(b), "\n") {
		if code, ok := strings.CutPrefix(line, "//\t"); ok {
			cur = append(cur, code)
			continue
		}
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
			cur = nil
		}
	}
	var doc strings.Builder
	found := map[string]bool{}
	for _, bl := range blocks {
		switch {
		case strings.HasPrefix(bl, "needs:"):
			found["complete example"] = true
			doc.WriteString(bl)
		case strings.HasPrefix(bl, "---\ncase:"):
			found["case"] = true
			doc.WriteString(bl)
		case strings.HasPrefix(bl, "collector:\n  http_faults:"):
			found["http_faults"] = true
			doc.WriteString("---\ncase: faults\n" + bl)
		}
	}
	for _, want := range []string{"complete example", "case", "http_faults"} {
		if !found[want] {
			t.Errorf("doc.go: no %s block found; update this test if the manual moved it", want)
		}
	}
	s, err := spec.ParseBytes("doc.go (its examples joined)", []byte(doc.String()))
	if err != nil {
		t.Fatalf("the manual's examples do not parse:\n%v\n\n%s", err, doc.String())
	}
	cases := strings.Count(doc.String(), "---\ncase:")
	if len(s.Cases) != cases || len(s.Expect.Spans) == 0 || len(s.Expect.Metrics) == 0 || len(s.Expect.Logs) == 0 {
		t.Errorf("parsed %d cases, %d spans, %d metrics, %d logs: the manual's example lost a part", len(s.Cases), len(s.Expect.Spans), len(s.Expect.Metrics), len(s.Expect.Logs))
	}
}

// Verify that the manual names every service of the registry and each
// variable it gives, with the needs: that brings it: a service added to
// the registry is one readers are told about.
func TestManualListsServices(t *testing.T) {
	b := manual(t)
	doc := string(b)
	for _, s := range service.All() {
		if !strings.Contains(doc, s.Name) {
			t.Errorf("doc.go does not name the service %s", s.Name)
		}
		for _, e := range s.Env {
			if !strings.Contains(doc, e+" ") || !strings.Contains(doc, "(needs: ["+s.Name+"])") {
				t.Errorf("doc.go: list %s under \"What a running example gets\", with (needs: [%s])", e, s.Name)
			}
		}
	}
}
