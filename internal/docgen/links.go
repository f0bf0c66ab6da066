package docgen

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// links rewrites every relative link of every page to its URL, and checks
// that each internal link and #anchor has a target.
func (b *builder) links() error {
	var errs []error
	for _, p := range b.pages {
		errs = append(errs, b.pageLinks(p)...)
	}
	return errors.Join(errs...)
}

// pageLinks rewrites and checks the links of page p.
func (b *builder) pageLinks(p *page) []error {
	var errs []error
	_ = ast.Walk(p.doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch l := n.(type) {
		case *ast.Link:
			dest = &l.Destination
		case *ast.Image:
			dest = &l.Destination
		default:
			return ast.WalkContinue, nil
		}
		u, err := b.resolve(p, string(*dest))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: link %s: %w", p.srcPath, p.doc.Line(n), *dest, err))
			return ast.WalkContinue, nil
		}
		*dest = []byte(u)
		return ast.WalkContinue, nil
	})
	return errs
}

// resolve maps a link destination written in page p to the URL the page
// links to.
func (b *builder) resolve(p *page, dest string) (string, error) {
	if dest == "" {
		return "", errors.New("empty destination")
	}
	if u, err := url.Parse(dest); err == nil && (u.Scheme != "" || u.Host != "") {
		return dest, nil // external: http:, https:, mailto:, //host
	}
	target, frag, hasFrag := strings.Cut(dest, "#")
	suffix := ""
	if hasFrag {
		suffix = "#" + frag
	}
	if target == "" {
		return dest, b.checkAnchor(p, p, frag)
	}
	if strings.HasPrefix(target, "/") {
		return "", errors.New("absolute path: link to another page by the relative path of its .md file, like ../otlp/grpc.md#tls")
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	rel := path.Join(path.Dir(p.file), target)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		u, err := b.repoLink(p, path.Join(b.cfg.Content, rel))
		return u + suffix, err
	}
	if q, ok := b.byFile[rel]; ok {
		return href(p.root, q.url) + suffix, b.checkAnchor(p, q, frag)
	}
	if path.Ext(rel) == ".md" {
		return "", fmt.Errorf("no such page %s", path.Join(b.cfg.Content, rel))
	}
	if b.assets[rel] {
		return p.root + rel + suffix, nil
	}
	if fi, err := fs.Stat(b.cfg.FS, path.Join(b.cfg.Content, rel)); err == nil && fi.IsDir() {
		return "", fmt.Errorf("%s is a folder: link to a page's .md file, like %s", rel, path.Join(target, "index.md"))
	}
	return "", fmt.Errorf("no page or file %s in %s: link to pages by their .md file", rel, b.cfg.Content)
}

// checkAnchor checks that page q, linked from p, has a heading with id frag.
func (b *builder) checkAnchor(p, q *page, frag string) error {
	if frag == "" || q.ids[frag] {
		return nil
	}
	ids := make([]string, 0, len(q.ids))
	for id := range q.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	where := "on this page"
	if p != q {
		where = "in " + q.srcPath
	}
	if len(ids) == 0 {
		return fmt.Errorf("no heading #%s %s, which has no headings", frag, where)
	}
	return fmt.Errorf("no heading #%s %s; its headings are #%s", frag, where, strings.Join(ids, ", #"))
}

// repoLink maps a link to a file of the repository outside the content
// folder: an example folder links to its zip, another file to its source
// when Config.SourceURL is set.
func (b *builder) repoLink(p *page, repoPath string) (string, error) {
	if strings.HasPrefix(repoPath, "../") || repoPath == ".." {
		return "", errors.New("leaves the repository")
	}
	fi, err := fs.Stat(b.cfg.FS, repoPath)
	if err != nil {
		return "", fmt.Errorf("no file %s in the repository", repoPath)
	}
	if id, ok := strings.CutPrefix(repoPath, "examples/"); ok && fi.IsDir() && !strings.Contains(id, "/") {
		if u := b.downloadLink(p.root, id); u != "" {
			return u, nil
		}
	}
	if b.cfg.SourceURL == "" {
		return "", fmt.Errorf("%s is outside %s: it can be linked only with -source-url, or as an example folder (its zip)", repoPath, b.cfg.Content)
	}
	return b.cfg.SourceURL + repoPath, nil
}
