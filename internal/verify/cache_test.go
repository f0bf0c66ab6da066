package verify

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
)

// cacheRepo writes a repository with one example and, when pass is set, a
// passing result for it with the key it has now, as a run would leave it.
func cacheRepo(t *testing.T, status results.Status) (root, out string) {
	t.Helper()
	root = t.TempDir()
	dir := filepath.Join(root, "examples", "x")
	os.MkdirAll(dir, 0o755)
	for name, data := range map[string]string{
		"go.mod":      "module example.com/x\n\ngo 1.26.0\n",
		"main.go":     "package main\n\nfunc main() {}\n",
		"verify.yaml": "needs: [collector]\nexpect:\n  no_telemetry: true\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out = filepath.Join(root, "build", "verify")
	exs, err := Discover(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	print, _ := results.Fingerprint(os.DirFS(dir))
	key, err := cacheKey(exs[0], print, goEnv(context.Background(), "GOVERSION"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(out, "x"), 0o755)
	f := &results.File{Examples: []results.Example{{ID: "x", Status: status, Level: results.LevelAsserted,
		VerifiedAt: time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC), Fingerprint: print, CacheKey: key}}}
	if err := results.Write(filepath.Join(out, results.FileName), f); err != nil {
		t.Fatal(err)
	}
	return root, out
}

// An example unchanged since a passing run is not run again (no build, no
// Docker): its result is kept with the date of that run.
func TestCacheReusesUnchanged(t *testing.T) {
	root, out := cacheRepo(t, results.StatusPass)
	for _, mode := range []string{CacheUse, CacheStrict} {
		var log bytes.Buffer
		failed, err := Run(context.Background(), Config{Root: root, Out: out, Log: &log, Cache: mode})
		if err != nil || failed != 0 {
			t.Fatalf("mode %q: failed %d, err %v\n%s", mode, failed, err, &log)
		}
		if !strings.Contains(log.String(), "(cached: verified 2026-11-01 09:30)") || strings.Contains(log.String(), "built x") {
			t.Errorf("mode %q: not reused:\n%s", mode, &log)
		}
		f, _ := results.Read(filepath.Join(out, results.FileName))
		if r, _ := f.Lookup("x"); !r.VerifiedAt.Equal(time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)) {
			t.Errorf("mode %q: the result's date became %v", mode, r.VerifiedAt)
		}
	}
}

// -cached=strict fails, naming the example and why, when a file changed or
// the last run failed; it runs nothing.
func TestCacheStrictMiss(t *testing.T) {
	root, out := cacheRepo(t, results.StatusPass)
	os.WriteFile(filepath.Join(root, "examples", "x", "main.go"), []byte("package main\n\nfunc main() { println() }\n"), 0o644)
	_, err := Run(context.Background(), Config{Root: root, Out: out, Log: &bytes.Buffer{}, Cache: CacheStrict})
	if err == nil || !strings.Contains(err.Error(), "x: its files, the images it uses, Go or verify changed since the run of 2026-11-01 09:30") {
		t.Errorf("changed file: err %v", err)
	}
	root, out = cacheRepo(t, results.StatusFail)
	_, err = Run(context.Background(), Config{Root: root, Out: out, Log: &bytes.Buffer{}, Cache: CacheStrict})
	if err == nil || !strings.Contains(err.Error(), "x: its last run failed") {
		t.Errorf("failed last run: err %v", err)
	}
}

// The key changes with each thing a result depends on.
func TestCacheKeyLabels(t *testing.T) {
	root, _ := cacheRepo(t, results.StatusPass)
	exs, _ := Discover(root, nil)
	base, _ := cacheKey(exs[0], "sha256:a", "go1.26.8")
	for name, k := range map[string]func() (string, error){
		"files": func() (string, error) { return cacheKey(exs[0], "sha256:b", "go1.26.8") },
		"go":    func() (string, error) { return cacheKey(exs[0], "sha256:a", "go1.26.9") },
		"id": func() (string, error) {
			ex := exs[0]
			ex.ID = "y"
			return cacheKey(ex, "sha256:a", "go1.26.8")
		},
	} {
		if got, err := k(); err != nil || got == base {
			t.Errorf("%s: key unchanged (%v)", name, err)
		}
	}
}
