package snippet

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hexops/gotextdiff"
	"github.com/hexops/gotextdiff/myers"
	"github.com/hexops/gotextdiff/span"
	"github.com/yuin/goldmark/ast"

	"oteldocs.dev/internal/highlight"
)

// A diff block shows what changed from one file or example module to the
// next as a unified diff, computed from the files at build time:
//
//	```diff examples/tutorial-2 examples/tutorial-3
//	```
//
//	```diff examples/tutorial-2/main.go examples/tutorial-3/main.go
//	```
//
// For two folders every file of either side is compared by its path in the
// folder; go.sum and verify.yaml are left out (checksums and the test, not
// what a reader edits). Files that did not change are not shown.

// KindDiff is the kind of a diff block's node.
var KindDiff = ast.NewNodeKind("Diff")

// diffSkip lists the files a folder diff leaves out.
var diffSkip = map[string]bool{"go.sum": true, "verify.yaml": true}

// DiffNode replaces a ```diff FROM TO block.
type DiffNode struct {
	ast.BaseBlock
	From, To string
	Line     int
	Files    []string // the paths, relative to the folders, that changed
	Code     template.HTML
	Err      error
}

// Kind implements ast.Node.
func (n *DiffNode) Kind() ast.NodeKind { return KindDiff }

// Dump implements ast.Node.
func (n *DiffNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"From": n.From, "To": n.To, "Err": fmt.Sprint(n.Err)}, nil)
}

// parseDiff parses the two paths of a diff block.
func parseDiff(from, to string) (Block, error) {
	for _, p := range []string{from, to} {
		if err := checkPath(p); err != nil {
			return Block{}, fmt.Errorf("diff %s: %w", p, err)
		}
	}
	if from == to {
		return Block{}, fmt.Errorf("diff %s %s: the same path twice: name the earlier and the later version", from, to)
	}
	return Block{Kind: Diff, Path: from, To: to, Example: ExampleOf(to)}, nil
}

// diff resolves a ```diff block into its node.
func (t *transformer) diff(page Page, line int, b Block) (*DiffNode, error) {
	n := &DiffNode{From: b.Path, To: b.To, Line: line}
	fail := func(err error) (*DiffNode, error) {
		n.Err = fmt.Errorf("%s:%d: diff %s %s: %w", page.File, line, b.Path, b.To, err)
		return n, n.Err
	}
	repo := t.e.opts.Repo
	fromFiles, fromDir, err := diffFiles(repo, b.Path)
	if err != nil {
		return fail(err)
	}
	toFiles, toDir, err := diffFiles(repo, b.To)
	if err != nil {
		return fail(err)
	}
	if fromDir != toDir {
		return fail(errors.New("one path is a folder and the other a file: compare two folders or two files"))
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range fromFiles {
			if !yield(name) {
				return
			}
		}
		for name := range toFiles {
			if _, ok := fromFiles[name]; !ok && !yield(name) {
				return
			}
		}
	})
	var out strings.Builder
	for _, name := range names {
		a, inA := fromFiles[name]
		c, inC := toFiles[name]
		if a == c {
			continue
		}
		fromLabel, toLabel := joinPath(b.Path, name), joinPath(b.To, name)
		if !inA {
			fromLabel = "/dev/null"
		}
		if !inC {
			toLabel = "/dev/null"
		}
		edits := myers.ComputeEdits(span.URIFromPath(name), a, c)
		writeUnified(&out, gotextdiff.ToUnified(fromLabel, toLabel, a, edits))
		n.Files = append(n.Files, name)
	}
	if len(n.Files) == 0 {
		return fail(errors.New("no difference: the two have the same content"))
	}
	code, err := highlight.Code(highlight.ForLang("diff"), out.String())
	if err != nil {
		return fail(err)
	}
	n.Code = code
	return n, nil
}

// joinPath names a file of a diff side: the side itself for a file diff
// (name ""), else the file in the folder.
func joinPath(side, name string) string {
	if name == "" {
		return side
	}
	return path.Join(side, name)
}

// diffFiles reads one side of a diff: the file itself (keyed "") or every
// file of the folder (keyed by its path in the folder) but diffSkip.
func diffFiles(repo fs.FS, p string) (files map[string]string, dir bool, err error) {
	fi, err := fs.Stat(repo, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("no such file or folder %s: check the path, written from the repository root", p)
	}
	if err != nil {
		return nil, false, err
	}
	if !fi.IsDir() {
		b, err := fs.ReadFile(repo, p)
		return map[string]string{"": string(b)}, false, err
	}
	files = map[string]string{}
	err = fs.WalkDir(repo, p, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || diffSkip[d.Name()] {
			return err
		}
		b, err := fs.ReadFile(repo, f)
		files[strings.TrimPrefix(f, p+"/")] = string(b)
		return err
	})
	return files, true, err
}

// writeUnified writes u as diff -u does. gotextdiff's own String writes a
// side with no lines (a new or a deleted file) as "-1" where diff writes
// "-0,0".
func writeUnified(w *strings.Builder, u gotextdiff.Unified) {
	fmt.Fprintf(w, "--- %s\n+++ %s\n", u.From, u.To)
	for _, h := range u.Hunks {
		from, to := 0, 0
		for _, l := range h.Lines {
			if l.Kind != gotextdiff.Insert {
				from++
			}
			if l.Kind != gotextdiff.Delete {
				to++
			}
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(h.FromLine, from), hunkRange(h.ToLine, to))
		for _, l := range h.Lines {
			prefix := map[gotextdiff.OpKind]string{gotextdiff.Delete: "-", gotextdiff.Insert: "+", gotextdiff.Equal: " "}[l.Kind]
			w.WriteString(prefix + l.Content)
			if !strings.HasSuffix(l.Content, "\n") {
				w.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
}

// hunkRange is one side of a hunk header: "start", "start,count", or
// "start-1,0" for no lines.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}
