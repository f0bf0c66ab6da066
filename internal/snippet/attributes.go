package snippet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/internal/valuefmt"
	"oteldocs.dev/internal/yamlerr"
)

// An attributes block shows what a semantic convention asks of one span,
// metric or resource next to what an example's last verified run sent:
//
//	```attributes semconv-http#errors
//	convention: http-server
//	span: GET /items/{id}
//	```
//
// The convention is content/conventions/<name>.yaml (ConventionDir): a
// title and the attributes it lists, each with its requirement level and an
// optional note. The body picks the item: "span: NAME" (the first span of
// that name), "metric: NAME" (the first data point of that metric) or
// "resource: NAME" (the resource of the first span, or else metric, of that
// name). With "span:" an optional "kind: CLIENT" (or SERVER, INTERNAL,
// PRODUCER, CONSUMER) picks the first span of that name and kind: a client
// and a server span often share a name. The table lists every attribute of the convention with the value
// captured, or "not set", then the attributes the item carried that the
// convention does not list. The values come from the run, never from the
// page.

// ConventionDir holds the convention files, relative to the repository root.
const ConventionDir = "content/conventions"

// Requirement levels of a convention's attribute, in the order a table lists them.
var Levels = []string{"required", "conditionally required", "recommended", "opt-in"}

// KindAttributes is the kind of an attributes block's node.
var KindAttributes = ast.NewNodeKind("Attributes")

// AttributesNode replaces a ```attributes block.
type AttributesNode struct {
	ast.BaseBlock
	Example    string
	Case       string
	Line       int
	Convention string // the convention's name: content/conventions/<name>.yaml
	Title      string // the convention's title
	What       string // "span", "metric" or "resource"
	Name       string // the span's or metric's name
	SpanKind   string // with What "span": the span kind asked for, or ""
	Found      bool   // false: no verified run yet; Rows then have no values
	Rows       []AttrRow
	Extra      []AttrRow // attributes the item carried that the convention does not list
	Err        error
}

// AttrRow is one attribute of an attributes table.
type AttrRow struct {
	Key   string
	Level string // "" for Extra rows
	Note  string
	Value string // valuefmt.Format of the captured value
	Set   bool
}

// Kind implements ast.Node.
func (n *AttributesNode) Kind() ast.NodeKind { return KindAttributes }

// Dump implements ast.Node.
func (n *AttributesNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Example": n.Example, "Convention": n.Convention, "Err": fmt.Sprint(n.Err)}, nil)
}

// Convention is a convention file.
type Convention struct {
	Title      string          `yaml:"title"`
	Attributes []ConventionRow `yaml:"attributes"`
}

// ConventionRow is one attribute a convention lists.
type ConventionRow struct {
	Key   string `yaml:"key"`
	Level string `yaml:"level"`
	Note  string `yaml:"note"`
}

// ParseConvention parses and checks a convention file; errors start with file:line.
func ParseConvention(file string, src []byte) (*Convention, error) {
	var c Convention
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, yamlerr.Errors(file, 0, err, nil)
	}
	var errs []error
	if strings.TrimSpace(c.Title) == "" {
		errs = append(errs, fmt.Errorf("%s: no title: say what the table describes, e.g. \"title: HTTP server span\"", file))
	}
	if len(c.Attributes) == 0 {
		errs = append(errs, fmt.Errorf("%s: no attributes: list the convention's attributes under \"attributes:\"", file))
	}
	seen := map[string]bool{}
	for i, a := range c.Attributes {
		switch {
		case a.Key == "":
			errs = append(errs, fmt.Errorf("%s: attribute %d has no key", file, i+1))
		case seen[a.Key]:
			errs = append(errs, fmt.Errorf("%s: attribute %s is listed twice", file, a.Key))
		case !slices.Contains(Levels, a.Level):
			errs = append(errs, fmt.Errorf("%s: attribute %s: level %q: use one of %q", file, a.Key, a.Level, Levels))
		}
		seen[a.Key] = true
	}
	return &c, errors.Join(errs...)
}

// attrQuery is the body of an attributes block.
type attrQuery struct {
	Convention string `yaml:"convention"`
	Span       string `yaml:"span"`
	Metric     string `yaml:"metric"`
	Resource   string `yaml:"resource"`
	Kind       string `yaml:"kind"` // with span: only
}

// spanKinds are the values of an attributes block's "kind:" line.
var spanKinds = []string{"INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"}

// attributes resolves a ```attributes block into its node.
func (t *transformer) attributes(page Page, line int, b Block, fb *ast.FencedCodeBlock, src []byte) (*AttributesNode, error) {
	n := &AttributesNode{Example: b.Example, Case: b.Case, Line: line}
	ref := b.Example
	if b.Case != "" {
		ref += "#" + b.Case
	}
	fail := func(err error) (*AttributesNode, error) {
		n.Err = fmt.Errorf("%s:%d: attributes %s: %w", page.File, line, ref, err)
		return n, n.Err
	}
	var q attrQuery
	dec := yaml.NewDecoder(bytes.NewReader(fb.Lines().Value(src)))
	dec.KnownFields(true)
	if err := dec.Decode(&q); err != nil {
		return fail(fmt.Errorf("the block's lines: %v: write \"convention: NAME\" and one of \"span: NAME\", \"metric: NAME\", \"resource: NAME\"", strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	var picks []string
	for what, name := range map[string]string{"span": q.Span, "metric": q.Metric, "resource": q.Resource} {
		if name != "" {
			n.What, n.Name = what, name
			picks = append(picks, what)
		}
	}
	if q.Convention == "" || len(picks) != 1 {
		return fail(errors.New("write \"convention: NAME\" (a file content/conventions/NAME.yaml) and exactly one of \"span: NAME\", \"metric: NAME\", \"resource: NAME\" in the block"))
	}
	if q.Kind != "" && (n.What != "span" || !slices.Contains(spanKinds, q.Kind)) {
		return fail(fmt.Errorf("kind %q: write it with \"span: NAME\" only, as one of %s", q.Kind, strings.Join(spanKinds, ", ")))
	}
	n.SpanKind = q.Kind
	if fi, err := fs.Stat(t.e.opts.Repo, "examples/"+b.Example); err != nil || !fi.IsDir() {
		return fail(fmt.Errorf("unknown example: there is no folder examples/%s", b.Example))
	}
	n.Convention = q.Convention
	file := path.Join(ConventionDir, q.Convention+".yaml")
	if !ValidExampleID(q.Convention) {
		return fail(fmt.Errorf("convention %q: name a file of %s without .yaml (lowercase letters, digits, '-')", q.Convention, ConventionDir))
	}
	csrc, err := fs.ReadFile(t.e.opts.Repo, file)
	if errors.Is(err, fs.ErrNotExist) {
		return fail(fmt.Errorf("no convention file %s: create it (see go doc oteldocs.dev/internal/snippet)", file))
	}
	if err != nil {
		return fail(err)
	}
	conv, err := ParseConvention(file, csrc)
	if err != nil {
		return fail(err)
	}
	n.Title = conv.Title
	for _, a := range conv.Attributes {
		n.Rows = append(n.Rows, AttrRow{Key: a.Key, Level: a.Level, Note: a.Note})
	}
	if t.e.opts.Telemetry == nil {
		return n, nil
	}
	d, err := t.e.opts.Telemetry(b.Example, b.Case)
	if err != nil {
		return fail(err)
	}
	if d == nil {
		return n, nil // no run yet: the theme says so
	}
	attrs, err := pickAttrs(d, n.What, n.Name, n.SpanKind)
	if err != nil {
		return fail(err)
	}
	n.Found = true
	listed := map[string]bool{}
	for i := range n.Rows {
		r := &n.Rows[i]
		listed[r.Key] = true
		if v, ok := attrs[r.Key]; ok {
			r.Value, r.Set = valuefmt.Format(v), true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		if !listed[k] && !telemetry.HiddenKeys[k] {
			n.Extra = append(n.Extra, AttrRow{Key: k, Value: valuefmt.Format(attrs[k]), Set: true})
		}
	}
	return n, nil
}

// pickAttrs returns the attributes an attributes block shows. A kind other
// than "" narrows a span to that kind.
func pickAttrs(d *telemetry.Data, what, name, kind string) (telemetry.Attrs, error) {
	var spans, metrics []string
	for _, s := range d.Spans {
		if s.Name == name && (kind == "" || s.Kind == kind) {
			if what == "resource" {
				return s.Resource, nil
			}
			if what == "span" {
				return s.Attributes, nil
			}
		}
		spans = appendNew(spans, s.Name)
	}
	for _, m := range d.Metrics {
		if m.Name == name {
			if what == "resource" {
				return m.Resource, nil
			}
			if what == "metric" && len(m.Points) > 0 {
				return m.Points[0].Attributes, nil
			}
		}
		metrics = appendNew(metrics, m.Name)
	}
	switch what {
	case "span":
		if kind != "" {
			return nil, fmt.Errorf("no %s span named %q in the run; it has %q", kind, name, spans)
		}
		return nil, fmt.Errorf("no span named %q in the run; it has %q", name, spans)
	case "metric":
		return nil, fmt.Errorf("no data point of a metric named %q in the run; it has %q", name, metrics)
	}
	return nil, fmt.Errorf("no span or metric named %q in the run; it has spans %q and metrics %q", name, spans, metrics)
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
