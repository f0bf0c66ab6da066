package docgen

import (
	"bytes"
	"fmt"
	"html/template"
	"runtime"
	"strings"
	"sync"
)

// The sidebar lists every page, so drawing it for each page costs pages²
// links: most of a large site's build. Its HTML depends only on the page's
// folder depth (links are relative), its section (marked current) and the
// page itself (its link marked current). sidebarHTML draws it once per depth
// and section and then marks the page's own link in the text.

// sidebarCache holds the sidebar drawn for a depth and section, without a
// current page.
type sidebarCache struct {
	mu    sync.Mutex
	byKey map[string]string
	errMu sync.Mutex // drawSidebar runs under mu, and without it for a page's own sidebar
	err   error      // the first error of the theme's "sidebar" template
}

// sidebarHTML returns the sidebar's sections as seen from page p.
func (b *builder) sidebarHTML(p *page) template.HTML {
	key := fmt.Sprintf("%s|%d", p.root, p.section)
	b.sidebars.mu.Lock()
	base, ok := b.sidebars.byKey[key]
	if !ok {
		secs := b.sidebar(&page{root: p.root, section: p.section})
		base = b.drawSidebar(secs)
		if b.sidebars.byKey == nil {
			b.sidebars.byKey = map[string]string{}
		}
		b.sidebars.byKey[key] = base
	}
	b.sidebars.mu.Unlock()
	if p.section < 0 {
		return template.HTML(base) // the home page and the 404 page are not listed
	}
	link := `<a href="` + template.HTMLEscapeString(href(p.root, p.url)) + `">`
	if strings.Count(base, link) != 1 {
		// The theme draws links some other way: draw this page's sidebar whole.
		return template.HTML(b.drawSidebar(b.sidebar(p)))
	}
	return template.HTML(strings.Replace(base, link, link[:len(link)-1]+` aria-current="page">`, 1))
}

// drawSidebar executes the theme's "sidebar" template. pageData cannot
// return an error, so a theme error is kept for sidebarErr, which the
// build returns once the pages are drawn.
func (b *builder) drawSidebar(secs []navSection) string {
	var buf bytes.Buffer
	if err := b.theme.ExecuteTemplate(&buf, "sidebar", secs); err != nil {
		b.sidebars.errMu.Lock()
		if b.sidebars.err == nil {
			b.sidebars.err = fmt.Errorf("theme: sidebar: %w", err)
		}
		b.sidebars.errMu.Unlock()
	}
	return buf.String()
}

// sidebarErr is the first error of the theme's sidebar template, if any.
func (b *builder) sidebarErr() error {
	b.sidebars.errMu.Lock()
	defer b.sidebars.errMu.Unlock()
	return b.sidebars.err
}

// parallel runs fn(0) ... fn(n-1) on every core and returns their errors in
// index order (nil ones left out).
func parallel(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				errs[i] = fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []error
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}
