package docgen

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"oteldocs.dev/internal/markdown"
)

// update applies changed files (slash paths from the repository root) to a
// built site and returns the files of the site that changed. It handles the
// common edits of docgen serve without a whole build:
//
//   - a page's Markdown: that page is drawn again, and search.json;
//   - a file under examples/<id>/: the pages that show that example (code,
//     telemetry, output, attributes, tables, diffs), its zip and the
//     verification report.
//
// full is true when the edits need a whole build instead: a page added,
// removed or renamed, a change of title, description, order or headings
// (the sidebar, the search index, other pages' anchors), the table of
// contents, the theme, the results, any other file. A failed update leaves
// b as it was.
func (b *builder) update(changed []string) (files map[string][]byte, full bool, err error) {
	redo := map[*page]bool{}
	examples := map[string]bool{}
	embeds := b.embeds()
	for _, p := range changed {
		if b.unknownAndGone(p) {
			continue // a file an editor made and removed again (vim's 4913, a swap file)
		}
		if rel, ok := strings.CutPrefix(p, b.cfg.Content+"/"); ok && path.Ext(rel) == ".md" {
			pg, known := b.byFile[rel]
			if !known {
				return nil, true, nil
			}
			redo[pg] = true
			continue
		}
		if rest, ok := strings.CutPrefix(p, "examples/"); ok {
			id, _, ok := strings.Cut(rest, "/")
			if !ok || !slices.Contains(b.examples, id) {
				return nil, true, nil
			}
			if _, err := fs.Stat(b.cfg.FS, "examples/"+id); err != nil {
				return nil, true, nil
			}
			examples[id] = true
			for _, pg := range embeds[id] {
				redo[pg] = true
			}
			continue
		}
		return nil, true, nil
	}
	for id := range examples {
		b.md.Forget("examples/" + id)
	}

	// Parse, check and draw each page again, on copies: b changes only
	// when every page succeeded.
	pages := slices.SortedFunc(maps.Keys(redo), func(a, c *page) int { return strings.Compare(a.srcPath, c.srcPath) })
	fresh := make([]*page, len(pages))
	errs := parallel(len(pages), func(i int) error {
		var err error
		fresh[i], err = b.reparse(pages[i])
		return err
	})
	if len(errs) > 0 {
		if errors.Is(errors.Join(errs...), errNeedsFull) {
			return nil, true, nil
		}
		return nil, false, sortErrors(errors.Join(errs...))
	}
	files = map[string][]byte{}
	index := map[*page]int{}
	for i, p := range b.pages {
		index[p] = i
	}
	for i, old := range pages {
		p := fresh[i]
		html, err := b.drawPage(index[old], p)
		if err != nil {
			return nil, false, err
		}
		files[outFile(p.url)] = html
	}
	if err := b.sidebarErr(); err != nil {
		return nil, false, err
	}
	// Swap the new pages in, then derive what depends on all of them.
	for i, old := range pages {
		*old = *fresh[i]
	}
	if len(pages) > 0 {
		if files["search.json"], err = b.searchIndex(); err != nil {
			return nil, false, err
		}
	}
	for id := range examples {
		extras, err := b.exampleExtras(id)
		if err != nil {
			return nil, false, err
		}
		if files[downloadPath(id)], err = zipFolder(b.cfg.FS, "examples/"+id, id, extras); err != nil {
			return nil, false, err
		}
	}
	if len(examples) > 0 {
		delete(b.out, outFile(reportURL))
		if err := b.writeReport(b.assetSet); err != nil {
			return nil, false, err
		}
		files[outFile(reportURL)] = b.out[outFile(reportURL)]
	}
	for name, data := range files {
		b.out[name] = data
	}
	return files, false, nil
}

// unknownAndGone reports whether p does not exist and the last build did
// not read it as a page or a content asset.
func (b *builder) unknownAndGone(p string) bool {
	if _, err := fs.Stat(b.cfg.FS, p); err == nil {
		return false
	}
	if rel, ok := strings.CutPrefix(p, b.cfg.Content+"/"); ok {
		return b.byFile[rel] == nil && !b.assets[rel]
	}
	return !strings.HasPrefix(p, "examples/")
}

// errNeedsFull says an edit changed what other pages show of a page.
var errNeedsFull = errors.New("the edit changes other pages: build the whole site")

// reparse reads, parses, checks and renders page p again into a new page
// value. It returns errNeedsFull when the page's title, description, order
// or headings changed, which other pages show.
func (b *builder) reparse(p *page) (*page, error) {
	src, err := fs.ReadFile(b.cfg.FS, p.srcPath)
	if err != nil {
		return nil, errNeedsFull // removed or renamed
	}
	meta, _, _, err := markdown.SplitFrontMatter(p.srcPath, src)
	if err != nil {
		return nil, err
	}
	if meta != p.meta {
		return nil, errNeedsFull
	}
	doc, err := b.md.Parse(p.srcPath, src, p.root)
	if err != nil {
		return nil, err
	}
	if !sameHeadings(doc.Headings, p.doc.Headings) {
		return nil, errNeedsFull
	}
	q := *p
	q.src, q.doc, q.words = src, doc, nil
	if errs := b.pageLinks(&q); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var buf bytes.Buffer
	if err := b.md.Render(&buf, doc); err != nil {
		return nil, err
	}
	q.body = template.HTML(buf.String())
	return &q, nil
}

// sameHeadings compares headings without their lines, which move with any
// edit above them.
func sameHeadings(a, c []markdown.Heading) bool {
	return slices.EqualFunc(a, c, func(x, y markdown.Heading) bool {
		return x.Level == y.Level && x.ID == y.ID && x.Text == y.Text
	})
}

// describeUpdate names an update for the terminal: "1 page(s), search.json".
func describeUpdate(files map[string][]byte) string {
	var pages, other []string
	for name := range files {
		if strings.HasSuffix(name, "index.html") {
			pages = append(pages, name)
		} else {
			other = append(other, name)
		}
	}
	slices.Sort(other)
	return fmt.Sprintf("%d page(s), %s", len(pages), strings.Join(other, ", "))
}
