package docgen

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// builtArchive builds testdata/name.txtar from a temp repository and
// returns the builder (as docgen serve keeps it) and the root.
func builtArchive(t *testing.T, name string) (*builder, string) {
	t.Helper()
	root := writeArchive(t, name)
	cfg, err := Config{Root: root}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	b, err := generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b, root
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func names(files map[string][]byte) []string {
	return slices.Sorted(maps.Keys(files))
}

// An edit to a page's prose draws that page and the search index again,
// nothing else; the result equals a whole build of the edited repository.
func TestUpdateOnePage(t *testing.T) {
	b, root := builtArchive(t, "snippet_region")
	write(t, root, "content/start/quick.md", "---\ntitle: Quick\n---\n## Handler\n\nA new sentence.\n\n```snippet examples/q/main.go#handler\n```\n")
	files, full, err := b.update([]string{"content/start/quick.md"})
	if err != nil || full {
		t.Fatalf("update: full %v, err %v", full, err)
	}
	if got, want := names(files), []string{"search.json", "start/quick/index.html"}; !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	whole, err := Generate(Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range whole.Paths() {
		if string(whole.Files[name]) != string(b.out[name]) {
			t.Errorf("%s after the update differs from a whole build", name)
		}
	}
}

// An edit to an example draws the pages that show it, its zip and the
// report again.
func TestUpdateExample(t *testing.T) {
	b, root := builtArchive(t, "snippet_region")
	write(t, root, "examples/q/main.go", "package main\n\nfunc main() {\n\t// [START handler]\n\tprintln(\"changed\")\n\t// [END handler]\n}\n")
	files, full, err := b.update([]string{"examples/q/main.go"})
	if err != nil || full {
		t.Fatalf("update: full %v, err %v", full, err)
	}
	if got, want := names(files), []string{"downloads/q.zip", "report/index.html", "search.json", "start/quick/index.html"}; !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	if !strings.Contains(string(files["start/quick/index.html"]), "changed") {
		t.Error("the page does not show the example's new code")
	}
	whole, err := Generate(Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range whole.Paths() {
		if string(whole.Files[name]) != string(b.out[name]) {
			t.Errorf("%s after the update differs from a whole build", name)
		}
	}
}

// What other pages show of a page (its title, its headings), a new page,
// the table of contents, and the results need a whole build; a file an
// editor made and removed needs nothing.
func TestUpdateNeedsWholeBuild(t *testing.T) {
	for _, tt := range []struct {
		name, file, data string
		full             bool
	}{
		{"title", "content/start/quick.md", "---\ntitle: Quicker\n---\n## Handler\n", true},
		{"heading", "content/start/quick.md", "---\ntitle: Quick\n---\n## Handlers\n", true},
		{"new page", "content/start/new.md", "---\ntitle: New\n---\n", true},
		{"toc", "content/toc.yaml", "title: T\nsections: []\n", true},
		{"results", "build/verify/results.json", "{}", true},
		{"gone", "content/start/4913", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, root := builtArchive(t, "snippet_region")
			if tt.data != "" {
				write(t, root, tt.file, tt.data)
			}
			files, full, err := b.update([]string{tt.file})
			if full != tt.full || err != nil || !full && len(files) != 0 {
				t.Errorf("update %s: full %v (want %v), files %q, err %v", tt.file, full, tt.full, names(files), err)
			}
		})
	}
}

// A page that no longer builds is an error with its file and line, and
// the built site stays as it was.
func TestUpdateErrorKeepsState(t *testing.T) {
	b, root := builtArchive(t, "snippet_region")
	before := string(b.out["start/quick/index.html"])
	write(t, root, "content/start/quick.md", "---\ntitle: Quick\n---\n## Handler\n\n```snippet examples/q/main.go#gone\n```\n")
	_, full, err := b.update([]string{"content/start/quick.md"})
	if full || err == nil || !strings.HasPrefix(err.Error(), "content/start/quick.md:6: snippet examples/q/main.go#gone") {
		t.Fatalf("update: full %v, err %v", full, err)
	}
	if string(b.out["start/quick/index.html"]) != before || b.byFile["start/quick.md"].doc == nil {
		t.Error("a failed update changed the built site")
	}
}
