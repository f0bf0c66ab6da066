package verify

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
)

// A compiled-only example passes at level compiled once built and is not
// run; the others are returned to be run.
func TestPassCompiledOnly(t *testing.T) {
	only, err := spec.ParseBytes("examples/nosql/verify.yaml", []byte("compiled_only: no server here.\n"))
	if err != nil {
		t.Fatal(err)
	}
	runs, err := spec.ParseBytes("examples/runs/verify.yaml", []byte("needs: [postgres]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	s := &session{cfg: Config{Log: &log}, this: &results.File{},
		buildTook: map[string]time.Duration{"nosql": 2 * time.Second}, prints: map[string]string{}}
	left := s.passCompiledOnly([]Example{{ID: "nosql", Dir: t.TempDir(), Spec: only}, {ID: "runs", Spec: runs}})

	if len(left) != 1 || left[0].ID != "runs" {
		t.Errorf("left to run: %v, want [runs]", ids(left))
	}
	r, ok := s.this.Lookup("nosql")
	if !ok || r.Status != results.StatusPass || r.Level != results.LevelCompiled {
		t.Errorf("nosql: %+v, want a pass at level compiled", r)
	}
	if _, ok := s.this.Lookup("runs"); ok {
		t.Error("runs was recorded before it ran")
	}
	if s.passed != 1 || !strings.Contains(log.String(), "nosql is compiled only (examples/nosql/verify.yaml:1): no server here.") {
		t.Errorf("passed %d, log:\n%s", s.passed, log.String())
	}
}
