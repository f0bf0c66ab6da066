package snippet

import (
	"fmt"
	"html/template"

	"github.com/yuin/goldmark/ast"

	"oteldocs.dev/internal/region"
	"oteldocs.dev/internal/telemetry"
)

// KindSnippet is the kind of a snippet block's node.
var KindSnippet = ast.NewNodeKind("Snippet")

// Node replaces a ```snippet block. Everything the page shows is resolved
// when the node is made; Err, if set, is what Convert returns instead.
type Node struct {
	ast.BaseBlock
	Block    Block
	Line     int           // line of the fence in the Markdown file
	Region   region.Region // the extracted lines
	Lang     string        // language name, e.g. "Go"
	Code     template.HTML // highlighted Region.Text
	Href     string        // caption link: the source file or the example's download; "" for none
	Download string        // link to the example's zip; "" for none
	Badge    Badge         // verification of Block.Example
	Err      error         // file:line: what went wrong
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindSnippet }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Path":   n.Block.Path,
		"Region": n.Block.Region,
		"Err":    fmt.Sprint(n.Err),
	}, nil)
}

// KindTelemetry is the kind of a telemetry block's node.
var KindTelemetry = ast.NewNodeKind("Telemetry")

// TelemetryNode replaces a ```telemetry block with the panel of what the
// Collector received for an example.
type TelemetryNode struct {
	ast.BaseBlock
	Example string
	Case    string
	Line    int
	Panel   *telemetry.Panel // from Options.Telemetry; nil: no run yet, the theme says so
	Err     error
}

// Kind implements ast.Node.
func (n *TelemetryNode) Kind() ast.NodeKind { return KindTelemetry }

// Dump implements ast.Node.
func (n *TelemetryNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Example": n.Example, "Err": fmt.Sprint(n.Err)}, nil)
}

// KindOutput is the kind of an output block's node.
var KindOutput = ast.NewNodeKind("Output")

// OutputNode replaces a ```output block with what the example printed.
type OutputNode struct {
	ast.BaseBlock
	Example string
	Case    string
	Line    int
	Printed string
	Found   bool // false: no verified run yet
	Err     error
}

// Kind implements ast.Node.
func (n *OutputNode) Kind() ast.NodeKind { return KindOutput }

// Dump implements ast.Node.
func (n *OutputNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Example": n.Example, "Case": n.Case, "Err": fmt.Sprint(n.Err)}, nil)
}
