package lockstep

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/txtartest"
)

// The repository's examples are in lockstep: one go directive, one version
// of each OpenTelemetry module, one semantic conventions package.
func TestExamplesInLockstep(t *testing.T) {
	mods, err := Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) < 2 {
		t.Fatalf("found %d example modules under ../../examples", len(mods))
	}
	errs := Drift(mods)
	semconv, err := SemconvDrift("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range append(errs, semconv...) {
		t.Error(err)
	}
}

// testdata/*.txtar: example folders (examples/<id>/go.mod and .go files)
// and the drift reported, one error a line.
func TestDrift(t *testing.T) {
	txtartest.Run(t, "testdata/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		root := t.TempDir()
		for name, data := range files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		mods, err := Load(root)
		if err != nil {
			t.Fatal(err)
		}
		errs := Drift(mods)
		semconv, err := SemconvDrift(root)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, err := range append(errs, semconv...) {
			lines = append(lines, err.Error())
		}
		if len(lines) == 0 {
			return "in lockstep\n", true
		}
		return strings.Join(lines, "\n") + "\n", false
	})
}
