package verify

import (
	"bytes"
	"os"
	"path/filepath"
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
	out := t.TempDir()
	s := &session{cfg: Config{Log: &log, Out: out}, this: &results.File{},
		buildTook: map[string]time.Duration{"nosql": 2 * time.Second}, prints: map[string]string{},
		keys: map[string]string{"nosql": "sha256:k"}}
	left := s.passCompiledOnly([]Example{{ID: "nosql", Dir: t.TempDir(), Spec: only}, {ID: "runs", Spec: runs}})

	if len(left) != 1 || left[0].ID != "runs" {
		t.Errorf("left to run: %v, want [runs]", ids(left))
	}
	r, ok := s.this.Lookup("nosql")
	if !ok || r.Status != results.StatusPass || r.Level != results.LevelCompiled || r.CacheKey != "sha256:k" {
		t.Errorf("nosql: %+v, want a pass at level compiled, with its cache key", r)
	}
	// Its folder says why, so that a later run may reuse the result.
	b, err := os.ReadFile(filepath.Join(out, "nosql", results.OutputFile))
	if err != nil || !strings.Contains(string(b), "compiled only") {
		t.Errorf("nosql's output.txt: %q, %v", b, err)
	}
	if _, ok := s.this.Lookup("runs"); ok {
		t.Error("runs was recorded before it ran")
	}
	if s.passed != 1 || !strings.Contains(log.String(), "nosql is compiled only (examples/nosql/verify.yaml:1): no server here.") {
		t.Errorf("passed %d, log:\n%s", s.passed, log.String())
	}
}
