package snippet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"oteldocs.dev/internal/highlight"
	"oteldocs.dev/internal/telemetry"
)

// transformer replaces snippet and telemetry blocks with their nodes.
type transformer struct{ e *Extension }

// Transform implements parser.ASTTransformer.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	page, src := pageOf(pc), reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && fb.Info != nil {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	for _, fb := range blocks {
		info := string(fb.Info.Segment.Value(src))
		line := page.LineOffset + 1 + bytes.Count(src[:fb.Info.Segment.Start], []byte("\n"))
		var node ast.Node
		var err error
		b, perr := ParseInfo(info)
		switch {
		case perr != nil:
			node, err = t.errorNode(page, line, perr)
		case b.Kind == Snippet:
			node, err = t.snippet(page, line, b, fb, src)
		case b.Kind == Telemetry, b.Kind == Output:
			node, err = t.runBlock(page, line, b)
		case b.Kind == Table:
			node, err = t.table(page, line, b)
		case b.Kind == Diff:
			node, err = t.diff(page, line, b)
		case b.Kind == Attributes:
			node, err = t.attributes(page, line, b, fb, src)
		case isGo(fb.Language(src)):
			node, err = t.errorNode(page, line, errors.New("Go code on a page must come from an example that compiles: "+
				"put it in examples/<id>/ between // [START name] and // [END name], then write ```snippet examples/<id>/<file>.go#name"))
		default:
			continue
		}
		if err != nil {
			addError(pc, err)
		}
		fb.Parent().ReplaceChild(fb.Parent(), fb, node)
	}
}

func isGo(lang []byte) bool {
	l := strings.ToLower(string(lang))
	return l == "go" || l == "golang"
}

// errorNode is a snippet node that only fails the render.
func (t *transformer) errorNode(page Page, line int, err error) (*Node, error) {
	err = fmt.Errorf("%s:%d: %w", page.File, line, err)
	return &Node{Line: line, Err: err}, err
}

// snippet resolves a ```snippet block into its node.
func (t *transformer) snippet(page Page, line int, b Block, fb *ast.FencedCodeBlock, src []byte) (*Node, error) {
	fail := func(err error) (*Node, error) {
		n, err := t.errorNode(page, line, fmt.Errorf("snippet %s: %w", ref(b), err))
		n.Block = b
		return n, err
	}
	if fb.Lines().Len() > 0 && len(bytes.TrimSpace(fb.Lines().Value(src))) > 0 {
		return fail(errors.New("the block must be empty: its code comes from the file; delete the lines inside it"))
	}
	f, err := t.e.parse(b.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return fail(fmt.Errorf("no such file %s: check the path, written from the repository root", b.Path))
	}
	if err != nil {
		return fail(err)
	}
	r, err := f.Region(b.Region)
	if err != nil {
		return fail(err)
	}
	lexer := highlight.ForFile(b.Path)
	code, err := highlight.Code(lexer, r.Text)
	if err != nil {
		return fail(err)
	}
	n := &Node{Block: b, Line: line, Region: r, Lang: highlight.Name(lexer), Code: code}
	if t.e.opts.Link != nil {
		n.Href = t.e.opts.Link(page.Root, b, r)
	}
	if t.e.opts.Download != nil && b.Example != "" {
		n.Download = t.e.opts.Download(page.Root, b.Example)
	}
	if b.Example != "" {
		n.Badge = BadgeFor(t.e.opts.Results, b.Example, t.e.fingerprint(b.Example))
	}
	return n, nil
}

// runBlock resolves a ```telemetry or ```output block into its node.
func (t *transformer) runBlock(page Page, line int, b Block) (ast.Node, error) {
	name := map[Kind]string{Telemetry: "telemetry", Output: "output"}[b.Kind]
	ref := b.Example
	if b.Case != "" {
		ref += "#" + b.Case
	}
	var err error
	if fi, serr := fs.Stat(t.e.opts.Repo, "examples/"+b.Example); serr != nil || !fi.IsDir() {
		err = fmt.Errorf("%s:%d: %s %s: unknown example: there is no folder examples/%s", page.File, line, name, ref, b.Example)
	}
	if b.Kind == Telemetry {
		n := &TelemetryNode{Example: b.Example, Case: b.Case, Line: line, Err: err}
		if err == nil && t.e.opts.Telemetry != nil {
			d, herr := t.e.opts.Telemetry(b.Example, b.Case)
			if herr != nil {
				n.Err = fmt.Errorf("%s:%d: telemetry %s: %w", page.File, line, ref, herr)
			} else if d != nil {
				n.Panel = telemetry.NewPanel(d)
			}
		}
		return n, n.Err
	}
	n := &OutputNode{Example: b.Example, Case: b.Case, Line: line, Err: err}
	if err == nil && t.e.opts.Output != nil {
		if n.Printed, n.Found, err = t.e.opts.Output(b.Example, b.Case); err != nil {
			n.Err = fmt.Errorf("%s:%d: output %s: %w", page.File, line, ref, err)
		}
	}
	return n, n.Err
}

func ref(b Block) string {
	if b.Region == "" {
		return b.Path
	}
	return b.Path + "#" + b.Region
}
