package docgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// writeArchive writes testdata/name.txtar as a repository in a temp dir.
func writeArchive(t *testing.T, name string) string {
	t.Helper()
	root := t.TempDir()
	cfg := archiveConfig(t, name)
	for p, f := range cfgFiles(cfg) {
		full := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, f, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestMain_Build(t *testing.T) {
	root := writeArchive(t, "snippet_region")
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"build", "-root", root, "-out", out}, &stdout, &stderr, Config{})
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, &stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "start", "quick", "index.html")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(stdout.String(), "docgen: built") {
		t.Errorf("stdout: %s", &stdout)
	}
}

func TestMain_BuildError(t *testing.T) {
	root := writeArchive(t, "link_err_broken")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"build", "-root", root, "-out", filepath.Join(t.TempDir(), "site")}, &stdout, &stderr, Config{})
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.HasPrefix(stderr.String(), "content/start/a.md:6: link ../nope.md: ") || !strings.Contains(stderr.String(), "was left as it was") {
		t.Errorf("stderr:\n%s", &stderr)
	}
}

func TestMain_Usage(t *testing.T) {
	for _, args := range [][]string{nil, {"bild"}, {"build", "extra"}, {"build", "-nope"}} {
		var stdout, stderr bytes.Buffer
		if code := Main(args, &stdout, &stderr, Config{}); code != 2 {
			t.Errorf("Main(%q) = %d, want 2", args, code)
		}
		if !strings.Contains(stderr.String(), "docgen") {
			t.Errorf("Main(%q) printed no usage:\n%s", args, &stderr)
		}
	}
	var stdout bytes.Buffer
	if code := Main([]string{"-h"}, &stdout, &stdout, Config{}); code != 0 || !strings.Contains(stdout.String(), "-addr") && !strings.Contains(stdout.String(), "usage: docgen build") {
		t.Errorf("help: %d\n%s", code, &stdout)
	}
}

func cfgFiles(cfg Config) map[string][]byte {
	m := map[string][]byte{}
	for p, f := range cfg.FS.(fstest.MapFS) {
		m[p] = f.Data
	}
	return m
}
