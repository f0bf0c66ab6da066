package docgen

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// The shared sidebar with the page's link marked is the sidebar drawn for
// that page alone, for every page of the repository's site (pages at
// several depths, the home page, sections) and the 404 page.
func TestSidebarSharedEqualsWhole(t *testing.T) {
	cfg, err := Config{Root: "../.."}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBuilder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.load(); err != nil {
		t.Fatal(err)
	}
	pages := append([]*page{{root: "/", section: -2}}, b.pages...)
	for _, p := range pages {
		got, want := string(b.sidebarHTML(p)), b.drawSidebar(b.sidebar(p))
		if got != want {
			t.Errorf("%s: shared sidebar differs from the page's own:\n got: %.300s\nwant: %.300s", p.srcPath, got, want)
		}
	}
	if len(b.sidebars.byKey) >= len(pages) {
		t.Errorf("%d sidebars drawn for %d pages: nothing shared", len(b.sidebars.byKey), len(pages))
	}
}

// A theme whose sidebar fails to draw fails the build, naming the sidebar,
// rather than leaving a hole in every page.
func TestSidebarThemeErrorFailsBuild(t *testing.T) {
	theme := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../site"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("../../site"), p)
		if p == "templates/page.html" {
			data = []byte(strings.Replace(string(data), "<h2>{{.Title}}</h2>", "<h2>{{.Missing}}</h2>", 1))
		}
		theme[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Generate(Config{Root: "../..", Theme: theme})
	if err == nil || !strings.Contains(err.Error(), "theme: sidebar:") {
		t.Errorf("build with a broken sidebar: %v", err)
	}
}
