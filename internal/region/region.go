// Package region extracts named regions from example files, the code that
// pages show through snippet blocks (package snippet).
//
// A region is the lines between a START and an END marker comment:
//
//	// [START handler]
//	func handler(w http.ResponseWriter, r *http.Request) {
//		...
//	}
//	// [END handler]
//
// Go, go.mod, JavaScript, protobuf and other C-like files use "//"; YAML,
// shell scripts, Dockerfiles, Makefiles, TOML and Python use "#"
// (# [START config]). Files of an unknown kind accept both. A marker is alone
// on its line; a region name is made of letters, digits, '_', '-' and '.'.
//
// Regions may nest: the marker lines of inner regions are stripped from the
// outer one, as are all marker lines from the whole file. The common
// indentation of a region is removed (tabs and spaces alike, never a mix of
// the two), and blank lines at its start and end are dropped.
//
// Every error starts with the file and line it is about, for example
//
//	examples/quickstart/main.go:38: unclosed region "run": add "// [END run]" after its last line
package region

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Errors that Parse and (*File).Region wrap; test them with errors.Is.
var (
	ErrUnknown   = errors.New("unknown region")
	ErrDuplicate = errors.New("duplicate region")
	ErrUnclosed  = errors.New("unclosed region")
	ErrNoStart   = errors.New("END without START")
	ErrMismatch  = errors.New("END does not match START")
	ErrMalformed = errors.New("malformed marker")
	ErrEmpty     = errors.New("empty region")
)

// Region is extracted text and where it came from.
type Region struct {
	Name  string // "" for the whole file
	Text  string // dedented lines, each ending in "\n"
	First int    // 1-based line of the first line of Text in the file
	Last  int    // 1-based line of the last line of Text in the file
}

// File is a parsed example file: its lines and the regions they hold.
type File struct {
	Name    string // as given to Parse; it prefixes every error
	lines   []string
	marker  []bool          // marker[i]: line i is a START or END marker
	spans   map[string]span // by region name
	ordered []string        // region names in the order of their START
}

// span is a region's marker lines, 0-based.
type span struct{ start, end int }

// Parse reads the markers of src. name is the file's path as a reader should
// see it in an error (relative to the repository root); its base name also
// selects the comment syntax of the markers.
func Parse(name string, src []byte) (*File, error) {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	f := &File{Name: name, spans: map[string]span{}}
	if text != "" {
		f.lines = strings.Split(text, "\n")
	}
	f.marker = make([]bool, len(f.lines))
	prefixes := commentPrefixes(name)
	var open []string // stack of open region names
	starts := map[string]int{}
	for i, line := range f.lines {
		m, err := parseMarker(line, prefixes)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
		if m.kind == notMarker {
			continue
		}
		f.marker[i] = true
		switch m.kind {
		case startMarker:
			if s, ok := f.spans[m.name]; ok {
				return nil, fmt.Errorf("%s:%d: %w %q: it already starts at line %d; rename one of them",
					name, i+1, ErrDuplicate, m.name, s.start+1)
			}
			if at, ok := starts[m.name]; ok {
				return nil, fmt.Errorf("%s:%d: %w %q: it is already open since line %d",
					name, i+1, ErrDuplicate, m.name, at+1)
			}
			starts[m.name] = i
			open = append(open, m.name)
		case endMarker:
			if len(open) == 0 {
				return nil, fmt.Errorf("%s:%d: %w: no region %q is open; add %q before it or remove this line",
					name, i+1, ErrNoStart, m.name, startLine(prefixes, m.name))
			}
			top := open[len(open)-1]
			if top != m.name {
				return nil, fmt.Errorf("%s:%d: %w: END %q closes region %q opened at line %d; regions may nest but not overlap",
					name, i+1, ErrMismatch, m.name, top, starts[top]+1)
			}
			open = open[:len(open)-1]
			f.spans[m.name] = span{start: starts[m.name], end: i}
			f.ordered = append(f.ordered, m.name)
			delete(starts, m.name)
		}
	}
	if len(open) > 0 {
		top := open[len(open)-1]
		return nil, fmt.Errorf("%s:%d: %w %q: add %q after its last line",
			name, starts[top]+1, ErrUnclosed, top, endLine(prefixes, top))
	}
	slices.SortFunc(f.ordered, func(a, b string) int { return f.spans[a].start - f.spans[b].start })
	return f, nil
}

// Names returns the names of the file's regions in the order they start.
func (f *File) Names() []string { return slices.Clone(f.ordered) }

// Region returns the region called name, or the whole file (markers
// stripped) when name is "". An unknown region's error lists those that exist.
func (f *File) Region(name string) (Region, error) {
	if name == "" {
		r := f.extract(0, len(f.lines))
		return r, nil
	}
	s, ok := f.spans[name]
	if !ok {
		if len(f.ordered) == 0 {
			return Region{}, fmt.Errorf("%s: %w %q: the file has no regions", f.Name, ErrUnknown, name)
		}
		return Region{}, fmt.Errorf("%s: %w %q: the file has %s", f.Name, ErrUnknown, name, strings.Join(quoteAll(f.ordered), ", "))
	}
	r := f.extract(s.start+1, s.end)
	if r.Text == "" {
		return Region{}, fmt.Errorf("%s:%d: %w %q: put code between its START and END", f.Name, s.start+1, ErrEmpty, name)
	}
	r.Name = name
	return r, nil
}

// Extract parses src and returns its region name ("" for the whole file).
func Extract(file string, src []byte, name string) (Region, error) {
	f, err := Parse(file, src)
	if err != nil {
		return Region{}, err
	}
	return f.Region(name)
}

// extract returns lines [from, to) without marker lines, without leading and
// trailing blank lines, and without their common indentation.
func (f *File) extract(from, to int) Region {
	var kept []string
	var lineNo []int
	for i := from; i < to; i++ {
		if f.marker[i] {
			continue
		}
		kept = append(kept, f.lines[i])
		lineNo = append(lineNo, i+1)
	}
	for len(kept) > 0 && isBlank(kept[0]) {
		kept, lineNo = kept[1:], lineNo[1:]
	}
	for len(kept) > 0 && isBlank(kept[len(kept)-1]) {
		kept, lineNo = kept[:len(kept)-1], lineNo[:len(lineNo)-1]
	}
	if len(kept) == 0 {
		return Region{}
	}
	return Region{Text: dedent(kept), First: lineNo[0], Last: lineNo[len(lineNo)-1]}
}

func quoteAll(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return q
}
