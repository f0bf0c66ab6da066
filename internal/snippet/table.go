package snippet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A table block shows a CSV file of the repository as a table, so that a
// table on a page is the same data a program reads (the variables an
// example maps to attributes, say):
//
//	```table examples/otelci/mapping.csv#github
//	```
//
// The first row is the header. With #KEY only the rows whose first column
// is KEY are shown, without that column.

// KindTable is the kind of a table block's node.
var KindTable = ast.NewNodeKind("Table")

// TableNode replaces a ```table block.
type TableNode struct {
	ast.BaseBlock
	Path   string
	Key    string // "" for every row
	Line   int
	Header []string
	Rows   [][]string
	Err    error
}

// Kind implements ast.Node.
func (n *TableNode) Kind() ast.NodeKind { return KindTable }

// Dump implements ast.Node.
func (n *TableNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Path": n.Path, "Key": n.Key, "Err": fmt.Sprint(n.Err)}, nil)
}

// parseTable parses the reference of a table block: PATH or PATH#KEY.
func parseTable(ref string) (Block, error) {
	p, key, hasKey := strings.Cut(ref, "#")
	if err := checkPath(p); err != nil {
		return Block{}, fmt.Errorf("table %s: %w", ref, err)
	}
	if !strings.HasSuffix(p, ".csv") {
		return Block{}, fmt.Errorf("table %s: want a .csv file", ref)
	}
	if hasKey && key == "" {
		return Block{}, fmt.Errorf("table %s: empty key after '#': write the value of the first column to show, or leave out '#'", ref)
	}
	return Block{Kind: Table, Path: p, Region: key, Example: ExampleOf(p)}, nil
}

// table resolves a ```table block into its node.
func (t *transformer) table(page Page, line int, b Block) (*TableNode, error) {
	n := &TableNode{Path: b.Path, Key: b.Region, Line: line}
	fail := func(err error) (*TableNode, error) {
		n.Err = fmt.Errorf("%s:%d: table %s: %w", page.File, line, b.Path, err)
		return n, n.Err
	}
	src, err := fs.ReadFile(t.e.opts.Repo, b.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return fail(errors.New("no such file: check the path, written from the repository root"))
	}
	if err != nil {
		return fail(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(src))).ReadAll()
	if err != nil {
		return fail(err)
	}
	if len(rows) == 0 {
		return fail(errors.New("the file is empty: its first row is the header"))
	}
	n.Header, n.Rows = rows[0], rows[1:]
	if n.Key == "" {
		return n, nil
	}
	n.Header = n.Header[1:]
	var keys []string
	n.Rows = nil
	for _, r := range rows[1:] {
		if r[0] == n.Key {
			n.Rows = append(n.Rows, r[1:])
		}
		if len(keys) == 0 || keys[len(keys)-1] != r[0] {
			keys = append(keys, r[0])
		}
	}
	if len(n.Rows) == 0 {
		return fail(fmt.Errorf("no row starts with %q: the first column has %q", n.Key, keys))
	}
	return n, nil
}
