package docgen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"oteldocs.dev/internal/yamlerr"
)

// TOCFile is the table of contents, in the content folder.
const TOCFile = "toc.yaml"

// toc is content/toc.yaml.
type toc struct {
	Title    string       `yaml:"title"`
	Sections []tocSection `yaml:"sections"`
}

type tocSection struct {
	Title  string   `yaml:"title"`
	Pages  []string `yaml:"pages"`
	Folder string   `yaml:"folder"`

	line      int   // of the section in toc.yaml
	pageLines []int // of each of Pages
}

// readTOC reads and checks the shape of the table of contents. Which pages
// exist is checked later, by resolveTOC.
func readTOC(fsys fs.FS, file string) (*toc, error) {
	src, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no table of contents: create it with a title and sections (see go doc oteldocs.dev/internal/docgen)", file)
	}
	if err != nil {
		return nil, err
	}
	var t toc
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, yamlerr.Errors(file, 0, err, tocWords.Replace)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, yamlerr.Errors(file, 0, err, tocWords.Replace)
	}
	t.setLines(&root)
	var errs []error
	if t.Title == "" {
		errs = append(errs, fmt.Errorf("%s:1: no title: add title: <name of the site>", file))
	}
	if len(t.Sections) == 0 {
		errs = append(errs, fmt.Errorf("%s:1: no sections: add sections: with a title and pages each", file))
	}
	for _, s := range t.Sections {
		switch {
		case s.Title == "":
			errs = append(errs, fmt.Errorf("%s:%d: section has no title", file, s.line))
		case len(s.Pages) > 0 && s.Folder != "":
			errs = append(errs, fmt.Errorf("%s:%d: section %q has both pages and folder: keep one", file, s.line, s.Title))
		case len(s.Pages) == 0 && s.Folder == "":
			errs = append(errs, fmt.Errorf("%s:%d: section %q has no pages: add pages: [a.md, b.md] or folder: name", file, s.line, s.Title))
		}
	}
	return &t, errors.Join(errs...)
}

// setLines records the line of each section and page entry.
func (t *toc) setLines(root *yaml.Node) {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	sections := mapValue(doc, "sections")
	if sections == nil {
		return
	}
	for i, sn := range sections.Content {
		if i >= len(t.Sections) {
			break
		}
		s := &t.Sections[i]
		s.line = sn.Line
		s.pageLines = make([]int, len(s.Pages))
		for j := range s.pageLines {
			s.pageLines[j] = sn.Line
		}
		if pages := mapValue(sn, "pages"); pages != nil {
			for j, pn := range pages.Content {
				if j < len(s.pageLines) {
					s.pageLines[j] = pn.Line
				}
			}
		}
	}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// tocWords names, in errors, the keys a reader may write instead of Go types.
var tocWords = strings.NewReplacer("in type docgen.tocSection", "(known keys: title, pages, folder)",
	"in type docgen.toc", "(known keys: title, sections)")

// entry is a page as the table of contents places it.
type entry struct {
	file    string // relative to the content folder: get-started/quickstart.md
	section int    // index in toc.Sections
}

// resolveTOC returns the pages in reading order, given every Markdown file
// of the content folder (relative to it) and their front matter order.
// A listed page without a file, a page listed twice, and a page that no
// section lists are errors.
func (t *toc) resolve(tocFile string, files []string, order func(file string) int) ([]entry, error) {
	exists := map[string]bool{}
	for _, f := range files {
		exists[f] = true
	}
	listed := map[string]string{} // file -> where
	var entries []entry
	var errs []error
	add := func(i int, f, where string) {
		if f == "index.md" {
			errs = append(errs, fmt.Errorf("%s: index.md is the home page, always first: remove it from the table of contents", where))
		} else if prev, ok := listed[f]; ok {
			errs = append(errs, fmt.Errorf("%s: page %s is listed twice (also at %s)", where, f, prev))
		} else {
			listed[f] = where
			entries = append(entries, entry{file: f, section: i})
		}
	}
	for i, s := range t.Sections {
		for j, p := range s.Pages {
			where := fmt.Sprintf("%s:%d", tocFile, s.pageLines[j])
			if !fs.ValidPath(p) || path.Ext(p) != ".md" {
				errs = append(errs, fmt.Errorf("%s: page %q: want a .md file relative to the content folder, like get-started/quickstart.md", where, p))
				continue
			}
			if !exists[p] {
				errs = append(errs, fmt.Errorf("%s: page %s: no such file %s: create it or fix the entry", where, p, path.Join(path.Dir(tocFile), p)))
				continue
			}
			add(i, p, where)
		}
		if s.Folder != "" {
			in := folderPages(s.Folder, files, order)
			if len(in) == 0 {
				errs = append(errs, fmt.Errorf("%s:%d: folder %s has no pages", tocFile, s.line, s.Folder))
			}
			for _, p := range in {
				add(i, p, fmt.Sprintf("%s:%d", tocFile, s.line))
			}
		}
	}
	for _, f := range files {
		if _, ok := listed[f]; !ok && f != "index.md" {
			errs = append(errs, fmt.Errorf("%s:1: page is not in the table of contents: add %s to a section of %s",
				path.Join(path.Dir(tocFile), f), f, tocFile))
		}
	}
	return entries, errors.Join(errs...)
}

// folderPages returns the pages directly in folder, by order then name.
func folderPages(folder string, files []string, order func(string) int) []string {
	var in []string
	for _, f := range files {
		if path.Dir(f) == path.Clean(folder) {
			in = append(in, f)
		}
	}
	slices.SortStableFunc(in, func(a, b string) int {
		if c := cmp.Compare(order(a), order(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return in
}
