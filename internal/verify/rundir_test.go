package verify

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"oteldocs.dev/internal/results"
)

// Verify that publish swaps a staged folder in, whether or not an old one
// exists, and leaves the old one where the staged one was.
func TestPublish(t *testing.T) {
	out := t.TempDir()
	final := filepath.Join(out, "ex")
	for i, want := range []string{"first", "second"} {
		staged, err := stagingDir(out, "ex")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(staged, "output.txt"), []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := publish(staged, final); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(filepath.Join(final, "output.txt")); err != nil || string(b) != want {
			t.Errorf("after publish %d: %q, %v; want %q", i, b, err, want)
		}
		old, _ := os.ReadFile(filepath.Join(staged, "output.txt"))
		if i == 1 && string(old) != "first" {
			t.Errorf("staged folder holds %q after the swap, want the old output", old)
		}
		os.RemoveAll(staged)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("left in out: %v, want only ex", entries)
	}
}

// Verify that publishes at once each leave a whole folder, never a mix.
func TestPublishConcurrent(t *testing.T) {
	out := t.TempDir()
	final := filepath.Join(out, "ex")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			staged, err := stagingDir(out, "ex")
			if err != nil {
				t.Error(err)
				return
			}
			defer os.RemoveAll(staged)
			for _, f := range []string{"a", "b"} {
				os.WriteFile(filepath.Join(staged, f), []byte{byte('0' + i)}, 0o644)
			}
			if err := publish(staged, final); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	a, _ := os.ReadFile(filepath.Join(final, "a"))
	b, _ := os.ReadFile(filepath.Join(final, "b"))
	if len(a) != 1 || string(a) != string(b) {
		t.Errorf("final holds a=%q b=%q: not one run's whole output", a, b)
	}
}

// Verify that two runs get folders of their own.
func TestNewRunDir(t *testing.T) {
	out := t.TempDir()
	a, err := newRunDir(out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newRunDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if a == b || !filepath.IsAbs(a) || filepath.Dir(a) != filepath.Join(out, results.RunsDir) {
		t.Errorf("run folders %s and %s: want two absolute folders under %s/runs", a, b, out)
	}
}
