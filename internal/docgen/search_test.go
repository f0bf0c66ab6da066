package docgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// searchFolders names the folders of content/ whose every "##" heading
// TestSearchHasHeadings looks up in search.json. The FAQ is always
// checked; add chapters with
//
//	go test ./internal/docgen -run TestSearchHasHeadings -args -search-folders faq,patterns
var searchFolders = flag.String("search-folders", "faq", "comma-separated folders of content/ whose ## headings search.json must hold")

// TestSearchHasHeadings reads the Markdown of every page in searchFolders
// itself (not through docgen's parse), and checks that each "##" heading
// is in search.json under its page, with an anchor that the built page
// has on an <h2>: a search result for the heading lands on it.
func TestSearchHasHeadings(t *testing.T) {
	site, err := Generate(Config{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	var idx searchIndex
	if err := json.Unmarshal(site.Files["search.json"], &idx); err != nil {
		t.Fatal(err)
	}
	for _, folder := range strings.Split(*searchFolders, ",") {
		files, _ := filepath.Glob(filepath.Join("../../content", folder, "*.md"))
		if len(files) == 0 {
			t.Errorf("content/%s: no pages: -search-folders names a folder that holds none", folder)
			continue
		}
		for _, file := range files {
			checkPageHeadings(t, site, idx, file)
		}
	}
}

// checkPageHeadings checks the "##" headings of one Markdown file.
func checkPageHeadings(t *testing.T, site *Site, idx searchIndex, file string) {
	t.Helper()
	rel, _ := filepath.Rel("../..", file)
	url := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(rel), "content/"), ".md") + "/"
	url = strings.TrimSuffix(url, "index/")
	i := slices.IndexFunc(idx.Pages, func(p searchPage) bool { return p.URL == url })
	if i < 0 {
		t.Errorf("%s: page %s is not in search.json", rel, url)
		return
	}
	html := site.Files[url+"index.html"]
	heads, err := markdownH2(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) == 0 {
		t.Errorf("%s: no ## heading: a page of this folder must have its questions as headings", rel)
	}
	for _, h := range heads {
		j := slices.IndexFunc(idx.Pages[i].Headings, func(s searchHeading) bool {
			return slices.Equal(searchWords(s.Text), searchWords(h.text))
		})
		if j < 0 {
			t.Errorf("%s:%d: heading %q is not in search.json for %s: search cannot find it", rel, h.line, h.text, url)
			continue
		}
		got := idx.Pages[i].Headings[j]
		if h.id != "" && got.ID != h.id {
			t.Errorf("%s:%d: heading %q has anchor %q in search.json, want %q", rel, h.line, h.text, got.ID, h.id)
		}
		if !bytes.Contains(html, fmt.Appendf(nil, `<h2 id="%s">`, got.ID)) {
			t.Errorf("%s:%d: heading %q: search.json links #%s, but %sindex.html has no <h2> with that id", rel, h.line, h.text, got.ID, url)
		}
	}
}

// mdHeading is a "##" heading as written in a Markdown file.
type mdHeading struct {
	text, id string
	line     int
}

// explicitID is a heading's "{#id}" suffix.
var explicitID = regexp.MustCompile(`\s*\{#([^}]+)\}\s*$`)

// markdownH2 returns the "##" headings of a Markdown file, outside fenced
// code blocks, with their explicit ids when they have one.
func markdownH2(file string) ([]mdHeading, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var hs []mdHeading
	fenced := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced || !strings.HasPrefix(line, "## ") {
			continue
		}
		h := mdHeading{text: strings.TrimSpace(line[3:]), line: n}
		if m := explicitID.FindStringSubmatch(h.text); m != nil {
			h.id, h.text = m[1], explicitID.ReplaceAllString(h.text, "")
		}
		hs = append(hs, h)
	}
	return hs, sc.Err()
}
