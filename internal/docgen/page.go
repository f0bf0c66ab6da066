package docgen

import (
	"html/template"
	"path"
	"strings"

	"oteldocs.dev/internal/markdown"
)

// page is one Markdown file of the content folder on its way to HTML.
type page struct {
	file    string // relative to the content folder: get-started/quickstart.md
	srcPath string // from the repository root, as errors name it: content/get-started/quickstart.md
	url     string // directory-style, relative to the site root: get-started/quickstart/ ("" for home)
	root    string // from the page to the site root: ../../
	section int    // index of its toc section; -1 for the home page
	src     []byte
	meta    markdown.Meta
	doc     *markdown.Doc
	ids     map[string]bool // heading ids, the targets of #anchors
	body    template.HTML   // rendered Markdown
	words   []string        // distinct words of its prose, for the search index; nil until needed
}

// pageURL maps a content file to its URL: a/b.md -> a/b/, a/index.md -> a/,
// index.md -> "".
func pageURL(file string) string {
	p := strings.TrimSuffix(file, ".md")
	if p == "index" {
		return ""
	}
	return strings.TrimSuffix(p, "/index") + "/"
}

// rootOf returns the relative path from a page URL to the site root.
func rootOf(url string) string { return strings.Repeat("../", strings.Count(url, "/")) }

// outFile is where a page URL is written.
func outFile(url string) string { return path.Join(url, "index.html") }

// href returns a link from a page with root to a site path ("" = home).
func href(root, target string) string {
	if h := root + target; h != "" {
		return h
	}
	return "./"
}

// title is the page's title: its front matter, or the site's for home.
func (p *page) title() string { return p.meta.Title }
