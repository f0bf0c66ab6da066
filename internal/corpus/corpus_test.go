package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The corpus has what make bench promises: n pages, each with prose, three
// sections, a 30-line YAML block and a table, identical for both tools.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 120); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "s*", "p*.md"))
	if len(pages) != 120 {
		t.Fatalf("%d pages, want 120", len(pages))
	}
	for _, p := range pages {
		a, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(filepath.Join(dir, "content"), p)
		h, err := os.ReadFile(filepath.Join(dir, "hugo", "content", rel))
		if err != nil || string(a) != string(h) {
			t.Fatalf("%s: Hugo's copy differs or is missing (%v)", rel, err)
		}
	}
	page := Page(7)
	if n := strings.Count(page, "\n## "); n != 3 {
		t.Errorf("page has %d sections, want 3", n)
	}
	yaml := page[strings.Index(page, "```yaml\n")+8 : strings.LastIndex(page, "```")]
	if n := strings.Count(yaml, "\n"); n != 30 {
		t.Errorf("YAML block has %d lines, want 30", n)
	}
	if !strings.Contains(page, "|---|---|---|") {
		t.Error("page has no table")
	}
	if Page(7) != page {
		t.Error("Page is not deterministic")
	}
	toc, _ := os.ReadFile(filepath.Join(dir, "content", "toc.yaml"))
	if n := strings.Count(string(toc), "folder:"); n != 3 {
		t.Errorf("toc.yaml has %d sections, want 3:\n%s", n, toc)
	}
}
