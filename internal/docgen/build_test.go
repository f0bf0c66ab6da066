package docgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// archiveConfig returns the Config of testdata/name.txtar.
func archiveConfig(t *testing.T, name string) Config {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return goldenConfig(a)
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildWritesAndReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	cfg := archiveConfig(t, "snippet_region")
	cfg.Out = out
	if err := Build(cfg); err != nil {
		t.Fatal(err)
	}
	first := readTree(t, out)
	for _, want := range []string{"index.html", "start/quick/index.html", "404.html", "sitemap.xml", "search.json",
		"assets/site.css", "assets/site.js", "assets/chroma-light.css", "assets/chroma-dark.css", "downloads/q.zip"} {
		if _, ok := first[want]; !ok {
			t.Errorf("Build wrote no %s", want)
		}
	}
	// A stale file disappears: the folder is replaced, not merged.
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644)
	if err := Build(cfg); err != nil {
		t.Fatal(err)
	}
	second := readTree(t, out)
	if _, ok := second["stale.html"]; ok {
		t.Error("a file of the previous site survived the rebuild")
	}
	for name, data := range first {
		if second[name] != data {
			t.Errorf("%s differs between two builds", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left beside the output: %v", leftovers)
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	cfg := archiveConfig(t, "snippet_region")
	cfg.Out = out
	if err := Build(cfg); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	broken := archiveConfig(t, "snippet_err_missing_region")
	broken.Out = out
	err := Build(broken)
	if err == nil || !strings.HasPrefix(err.Error(), "content/start/a.md:6: ") {
		t.Fatalf("Build error = %v, want one at content/start/a.md:6", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after a failed build, %d before", len(after), len(before))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed by a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left beside the output: %v", leftovers)
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "go.mod"), []byte("module x\n"), 0o644)
	cfg := archiveConfig(t, "snippet_region")
	cfg.Out = out
	err := Build(cfg)
	if err == nil || !strings.Contains(err.Error(), "not a site built by docgen") {
		t.Fatalf("Build into a foreign folder: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "go.mod")); string(data) != "module x\n" {
		t.Error("the foreign folder was changed")
	}
}

func TestSidebarAndHead(t *testing.T) {
	site, err := Generate(archiveConfig(t, "front_matter"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["guides/b/index.html"])
	for _, want := range []string{
		`<title>B guide · Test site</title>`,
		`<link rel="canonical" href="https://oteldocs.dev/guides/b/">`,
		`<link rel="stylesheet" href="../../assets/site.css?h=`,
		`<section class="current">` + "\n<h2>Guides</h2>",
		`<li><a href="../../guides/b/" aria-current="page">B guide</a></li>`,
		`<li><a href="../../start/one/">One</a></li>`,
		`<a class="brand" href="../../">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("guides/b/index.html lacks %q", want)
		}
	}
	home := string(site.Files["index.html"])
	if !strings.Contains(home, "<title>Test site</title>") || !strings.Contains(home, `href="assets/site.css?h=`) {
		t.Errorf("home page head is wrong:\n%s", home[:min(len(home), 800)])
	}
	notFound := string(site.Files["404.html"])
	if !strings.Contains(notFound, `href="/assets/site.css?h=`) || !strings.Contains(notFound, `<a href="/guides/b/">B guide</a>`) {
		t.Errorf("404.html links are not absolute:\n%s", notFound)
	}
}

func TestGenerateWithoutHomeOrTOC(t *testing.T) {
	_, err := Generate(Config{FS: fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: A\n---\n")}}})
	if err == nil || err.Error() != "content/toc.yaml: no table of contents: create it with a title and sections (see go doc oteldocs.dev/internal/docgen)" {
		t.Errorf("without toc.yaml: %v", err)
	}
	_, err = Generate(Config{FS: fstest.MapFS{
		"content/toc.yaml": {Data: []byte("title: T\nsections:\n  - title: S\n    pages: [a.md]\n")},
		"content/a.md":     {Data: []byte("---\ntitle: A\n---\n")},
	}})
	if err == nil || err.Error() != "content/index.md: no home page: create it with a title in its front matter" {
		t.Errorf("without index.md: %v", err)
	}
}

func TestZipIsDeterministic(t *testing.T) {
	fsys := fstest.MapFS{
		"examples/q/main.go":  {Data: []byte("package main\n")},
		"examples/q/go.mod":   {Data: []byte("module q\n")},
		"examples/q/.hidden":  {Data: []byte("x")},
		"examples/q/build/x":  {Data: []byte("x")},
		"examples/q/sub/a.go": {Data: []byte("package sub\n")},
	}
	a, err := zipFolder(fsys, "examples/q", "q", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := zipFolder(fsys, "examples/q", "q", nil)
	if !bytes.Equal(a, b) {
		t.Error("two zips of the same folder differ")
	}
	for _, name := range []string{"q/go.mod", "q/main.go", "q/sub/a.go"} {
		if !bytes.Contains(a, []byte(name)) {
			t.Errorf("zip lacks %s", name)
		}
	}
	if bytes.Contains(a, []byte(".hidden")) || bytes.Contains(a, []byte("build/x")) {
		t.Error("zip has a dot file")
	}
}

// Convention files are data for attributes blocks: the site does not
// publish them, while other files of content/ are copied.
func TestConventionsAreNotCopied(t *testing.T) {
	site, err := Generate(Config{FS: fstest.MapFS{
		"content/toc.yaml":                 {Data: []byte("title: T\nsections:\n  - title: S\n    pages: [a.md]\n")},
		"content/index.md":                 {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":                     {Data: []byte("---\ntitle: A\n---\n")},
		"content/a.svg":                    {Data: []byte("<svg/>")},
		"content/conventions/service.yaml": {Data: []byte("title: S\nattributes: [{key: service.name, level: required}]\n")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := site.Files["conventions/service.yaml"]; ok {
		t.Error("conventions/service.yaml was published")
	}
	if _, ok := site.Files["a.svg"]; !ok {
		t.Errorf("a.svg was not copied; the site has:\n%s", strings.Join(site.Paths(), "\n"))
	}
}
