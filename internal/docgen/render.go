package docgen

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
)

// pageData is what templates/page.html receives: everything is computed
// here, so the template only ranges and tests.
type pageData struct {
	SiteTitle   string
	Title       string
	Description string
	Home        string // link to the home page
	Canonical   string // absolute URL
	Assets      assetLinks
	Body        template.HTML
	Contents    []contentsLink // the page's h2 and h3
	Sidebar     template.HTML  // the sidebar's sections, see builder.sidebarHTML
	Section     string         // title of the page's toc section
	Prev, Next  *navLink
	EditURL     string
	Report      string // link to the verification report
	IsHome      bool
	NotFound    bool
}

type navSection struct {
	Title   string
	Pages   []navLink
	Current bool // the current page is in this section
}

type navLink struct {
	Title   string
	Href    string
	Current bool
}

type contentsLink struct {
	Level int
	Text  string
	Href  string
}

// render turns every page's syntax tree into HTML, on every core.
func (b *builder) render() error {
	return errors.Join(parallel(len(b.pages), func(i int) error {
		p := b.pages[i]
		var buf bytes.Buffer
		buf.Grow(3 * len(p.src)) // highlighted code and markup about triple the Markdown
		if err := b.md.Render(&buf, p.doc); err != nil {
			return err
		}
		p.body = template.HTML(buf.String())
		return nil
	})...)
}

// write lays out every file of the site.
func (b *builder) write() error {
	tmpl := b.theme
	assets, err := b.writeAssets()
	if err != nil {
		return err
	}
	b.assetSet = assets
	html := make([][]byte, len(b.pages))
	errs := parallel(len(b.pages), func(i int) error {
		var err error
		html[i], err = b.drawPage(i, b.pages[i])
		return err
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, p := range b.pages {
		if err := b.add(outFile(p.url), html[i]); err != nil {
			return err
		}
	}
	notFound := b.notFoundData(assets)
	if err := b.execute(tmpl, "404.html", notFound); err != nil {
		return err
	}
	if err := b.writeReport(assets); err != nil {
		return err
	}
	if err := b.sidebarErr(); err != nil {
		return err
	}
	for _, step := range []func() error{b.writeSitemap, b.writeSearchIndex, b.writeDownloads, b.copyContentAssets} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// drawPage draws p as the page at position i of the reading order (its
// previous and next links); p may be a newer version of b.pages[i].
func (b *builder) drawPage(i int, p *page) ([]byte, error) {
	d := b.pageData(p, b.assetSet)
	if i > 0 {
		d.Prev = b.link(p, b.pages[i-1])
	}
	if i+1 < len(b.pages) {
		d.Next = b.link(p, b.pages[i+1])
	}
	return executePage(b.theme, outFile(p.url), d)
}

func (b *builder) execute(tmpl *template.Template, name string, d pageData) error {
	data, err := executePage(tmpl, name, d)
	if err != nil {
		return err
	}
	return b.add(name, data)
}

// executePage draws one page; safe on many goroutines at once.
func executePage(tmpl *template.Template, name string, d pageData) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(d.Sidebar) + len(d.Body) + 8<<10) // the two big parts, and the rest of the page
	if err := tmpl.ExecuteTemplate(&buf, "page.html", d); err != nil {
		return nil, fmt.Errorf("theme: %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// pageData prepares the template data of p.
func (b *builder) pageData(p *page, assets assetSet) pageData {
	d := pageData{
		SiteTitle:   b.toc.Title,
		Title:       p.meta.Title,
		Description: p.meta.Description,
		Home:        href(p.root, ""),
		Canonical:   b.cfg.BaseURL + p.url,
		Assets:      assets.from(p.root),
		Body:        p.body,
		Sidebar:     b.sidebarHTML(p),
		Report:      href(p.root, reportURL),
		IsHome:      p.url == "",
	}
	if p.section >= 0 {
		d.Section = b.toc.Sections[p.section].Title
	}
	if b.cfg.EditURL != "" {
		d.EditURL = b.cfg.EditURL + p.srcPath
	}
	for _, h := range p.doc.Headings {
		if h.Level == 2 || h.Level == 3 {
			d.Contents = append(d.Contents, contentsLink{Level: h.Level, Text: h.Text, Href: "#" + h.ID})
		}
	}
	return d
}

// notFoundData is the 404 page. It is served at any missing URL, so its
// links cannot be relative: they start from the site's path in BaseURL.
func (b *builder) notFoundData(assets assetSet) pageData {
	root := basePath(b.cfg.BaseURL)
	d := pageData{
		SiteTitle: b.toc.Title,
		Title:     "Page not found",
		Home:      root,
		Assets:    assets.from(root),
		Sidebar:   b.sidebarHTML(&page{root: root, section: -2}),
		Report:    root + reportURL,
		NotFound:  true,
	}
	return d
}

// sidebar is the table of contents as seen from page p.
func (b *builder) sidebar(p *page) []navSection {
	secs := make([]navSection, len(b.toc.Sections))
	for i, s := range b.toc.Sections {
		secs[i] = navSection{Title: s.Title, Current: p.section == i}
	}
	for _, q := range b.pages[1:] {
		l := b.link(p, q)
		secs[q.section].Pages = append(secs[q.section].Pages, *l)
	}
	return secs
}

func (b *builder) link(from, to *page) *navLink {
	return &navLink{Title: to.meta.Title, Href: href(from.root, to.url), Current: from == to}
}

// basePath returns the path of an absolute URL: https://x.dev/docs/ -> /docs/.
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// themeFile reads a file of the theme.
func (b *builder) themeFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(b.cfg.Theme, name)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return data, nil
}
