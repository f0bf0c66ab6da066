package docgen

import (
	"testing"
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
