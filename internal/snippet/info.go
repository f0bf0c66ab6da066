package snippet

import (
	"fmt"
	"io/fs"
	"strings"

	"oteldocs.dev/internal/region"
)

// Kind tells what a fenced code block's info string asks for.
type Kind int

const (
	Plain      Kind = iota // an ordinary code block
	Snippet                // ```snippet PATH or ```snippet PATH#REGION
	Telemetry              // ```telemetry ID or ```telemetry ID#CASE
	Output                 // ```output ID or ```output ID#CASE
	Table                  // ```table PATH.csv or ```table PATH.csv#KEY
	Diff                   // ```diff FROM TO: two folders or two files
	Attributes             // ```attributes ID#CASE, with the convention and the item in its lines
)

// Block is a parsed info string.
type Block struct {
	Kind    Kind
	Path    string // Snippet: file relative to the repository root
	Region  string // Snippet: region name, "" for the whole file; Table: the key, "" for every row
	Example string // Snippet: the example the file belongs to, if under examples/; Telemetry, Output: the example
	Case    string // Telemetry, Output: a named case of the example's verify.yaml; "" for the main one
	To      string // Diff: the later version; Path is the earlier one
}

// ParseInfo parses the info string of a fenced code block. A block that is
// not a snippet or telemetry block is Plain with no error.
func ParseInfo(info string) (Block, error) {
	fields := strings.Fields(info)
	if len(fields) == 0 {
		return Block{Kind: Plain}, nil
	}
	switch fields[0] {
	case "snippet":
		if len(fields) != 2 {
			return Block{}, fmt.Errorf("want \"snippet PATH\" or \"snippet PATH#REGION\", for example \"snippet examples/quickstart/main.go#run\"; got %q", strings.TrimSpace(info))
		}
		return parseSnippet(fields[1])
	case "table":
		if len(fields) != 2 {
			return Block{}, fmt.Errorf("want \"table PATH.csv\" or \"table PATH.csv#KEY\", for example \"table examples/otelci/mapping.csv#github\"; got %q", strings.TrimSpace(info))
		}
		return parseTable(fields[1])
	case "diff":
		if len(fields) == 1 {
			return Block{Kind: Plain}, nil // an ordinary diff, written on the page
		}
		if len(fields) != 3 {
			return Block{}, fmt.Errorf("want \"diff FROM TO\", two folders or two files, for example \"diff examples/tutorial-2 examples/tutorial-3\"; got %q", strings.TrimSpace(info))
		}
		return parseDiff(fields[1], fields[2])
	case "telemetry", "output", "attributes":
		kind := map[string]Kind{"telemetry": Telemetry, "output": Output, "attributes": Attributes}[fields[0]]
		if len(fields) != 2 {
			return Block{}, fmt.Errorf("want \"%s ID\" or \"%s ID#CASE\", for example \"%s quickstart\"; got %q", fields[0], fields[0], fields[0], strings.TrimSpace(info))
		}
		id, c, hasCase := strings.Cut(fields[1], "#")
		if !ValidExampleID(id) {
			return Block{}, fmt.Errorf("%s %q: an example id is the name of a folder under examples/ (lowercase letters, digits, '-', '_', '.')", fields[0], id)
		}
		if hasCase && !ValidExampleID(c) {
			return Block{}, fmt.Errorf("%s %s: case %q: use the case name of the example's verify.yaml", fields[0], fields[1], c)
		}
		return Block{Kind: kind, Example: id, Case: c}, nil
	}
	return Block{Kind: Plain}, nil
}

func parseSnippet(ref string) (Block, error) {
	p, name, hasRegion := strings.Cut(ref, "#")
	if err := checkPath(p); err != nil {
		return Block{}, fmt.Errorf("snippet %s: %w", ref, err)
	}
	if hasRegion && !region.ValidName(name) {
		return Block{}, fmt.Errorf("snippet %s: region name %q: use letters, digits, '_', '-' or '.'", ref, name)
	}
	return Block{Kind: Snippet, Path: p, Region: name, Example: ExampleOf(p)}, nil
}

// checkPath accepts a clean slash-separated path inside the repository.
func checkPath(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("no path: write the file's path from the repository root, for example examples/quickstart/main.go")
	case strings.HasPrefix(p, "/") || strings.Contains(p, ":") && len(p) > 1 && p[1] == ':':
		return fmt.Errorf("path is absolute: write it from the repository root, for example examples/quickstart/main.go")
	case strings.Contains(p, "\\"):
		return fmt.Errorf("path has a backslash: use '/'")
	case strings.HasPrefix(p, "../") || strings.Contains(p, "/../") || strings.HasSuffix(p, "/..") || p == "..":
		return fmt.Errorf("path leaves the repository: write it from the repository root without '..'")
	case !fs.ValidPath(p) || p == ".":
		return fmt.Errorf("path is not clean: write it from the repository root without '.', '//' or a trailing '/'")
	case !strings.Contains(p, "/"):
		return fmt.Errorf("path is not in a folder: snippets come from examples/<id>/ or another folder of the repository")
	}
	return nil
}

// ExampleOf returns the example id of a path under examples/<id>/, or "".
func ExampleOf(p string) string {
	rest, ok := strings.CutPrefix(p, "examples/")
	if !ok {
		return ""
	}
	id, _, ok := strings.Cut(rest, "/")
	if !ok || !ValidExampleID(id) {
		return ""
	}
	return id
}

// ValidExampleID reports whether id can name a folder under examples/.
func ValidExampleID(id string) bool {
	if id == "" || len(id) > 100 || id[0] == '.' || id[0] == '-' {
		return false
	}
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return true
}
