package verify

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/internal/txtartest"
)

// TestCaseLevels runs testdata/case/*.txtar: each case's program is
// /bin/sh with run.args of its verify.yaml, really run (execute) with its
// timeout; data/<signal>.json is what the Collector wrote for run t-1.
// want is the level the case reaches, then its failures.
func TestCaseLevels(t *testing.T) {
	txtartest.Run(t, "testdata/case/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		t.Parallel()
		sp, err := spec.ParseBytes("verify.yaml", files["verify.yaml"])
		if err != nil {
			t.Fatal(err)
		}
		data := t.TempDir()
		for name, b := range files {
			if folder, file := filepath.Split(name); folder == "data/" {
				if err := os.WriteFile(filepath.Join(data, file), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		ex := Example{ID: "ex", Dir: t.TempDir(), Spec: sp}
		run := execute(context.Background(), ex, sp, "/bin/sh", os.Environ())
		times := waitTimesFor(sp)
		times.settle, times.poll = 500*time.Millisecond, 50*time.Millisecond
		keep := func(a telemetry.Attrs) bool { return a[results.RunIDKey] == "t-1" }
		level, failures, _ := checkCase(context.Background(), sp, run, []string{data}, keep, times)
		got := "level: " + string(level) + "\n"
		for _, f := range failures {
			got += f + "\n"
		}
		return got, level == results.LevelAsserted && len(failures) == 0
	})
}

// Verify that an example that does not compile reaches no level, and that
// the failure names the file and line go reports.
func TestCompileFailure(t *testing.T) {
	dir := filepath.Join("testdata", "levels", "examples", "nobuild")
	bin, _, r := compile(context.Background(), Example{ID: "nobuild", Dir: dir}, t.TempDir())
	if r == nil {
		t.Fatalf("compile succeeded: %s", bin)
	}
	if r.Status != results.StatusFail || r.Level != results.LevelNone {
		t.Errorf("status %s, level %q; want fail at no level", r.Status, r.Level)
	}
	if msg := strings.Join(r.Failures, "\n"); !strings.Contains(msg, "go vet in examples/nobuild") || !strings.Contains(msg, "main.go:5") || !strings.Contains(msg, "timing: build") {
		t.Errorf("failures = %q, want go vet's error with main.go:5 and the build time", r.Failures)
	}
}
