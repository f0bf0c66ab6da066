package region

import (
	"errors"
	"strings"
	"testing"
)

const goFile = `package main

// [START setup]
func setup() {
	// [START inner]
	x := 1
	// [END inner]
	_ = x
}
// [END setup]

func main() {
	// [START call]
	if true {
		setup()
	}

	// [END call]
}
`

func TestRegion(t *testing.T) {
	tests := []struct {
		name, file, src, region string
		want                    string
		first, last             int
	}{
		{"outer strips nested markers", "main.go", goFile, "setup",
			"func setup() {\n\tx := 1\n\t_ = x\n}\n", 4, 9},
		{"nested region is dedented", "main.go", goFile, "inner", "x := 1\n", 6, 6},
		{"tab indentation removed, inner tabs kept, trailing blank dropped", "main.go", goFile, "call",
			"if true {\n\tsetup()\n}\n", 14, 16},
		{"whole file strips every marker", "main.go", "a\n// [START x]\nb\n// [END x]\nc\n", "",
			"a\nb\nc\n", 1, 5},
		{"yaml uses hash", "config.yaml", "receivers:\n  # [START otlp]\n  otlp:\n    protocols:\n  # [END otlp]\n", "otlp",
			"otlp:\n  protocols:\n", 3, 4},
		{"Dockerfile uses hash", "Dockerfile", "# [START build]\nFROM golang\n# [END build]\n", "build", "FROM golang\n", 2, 2},
		{"Makefile uses hash", "Makefile", "# [START t]\nt:\n\tgo test\n# [END t]\n", "t", "t:\n\tgo test\n", 2, 3},
		{"hash is text in Go", "main.go", "// [START a]\n# [START b]\n// [END a]\n", "a", "# [START b]\n", 2, 2},
		{"slashes are text in shell", "run.sh", "# [START a]\n// [START b]\n# [END a]\n", "a", "// [START b]\n", 2, 2},
		{"mixed tabs and spaces are not cut", "x.txt", "// [START a]\n\tone\n    two\n// [END a]\n", "a", "\tone\n    two\n", 2, 3},
		{"CRLF", "main.go", "// [START a]\r\n  x\r\n// [END a]\r\n", "a", "x\n", 2, 2},
		{"blank lines inside kept, whitespace-only emptied", "main.go", "// [START a]\n\tx\n\t\n\ty\n// [END a]", "a", "x\n\ny\n", 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(tt.file, []byte(tt.src), tt.region)
			if err != nil {
				t.Fatalf("Extract(%q): %v", tt.region, err)
			}
			if r.Text != tt.want {
				t.Errorf("Extract(%q) text:\n%q\nwant\n%q", tt.region, r.Text, tt.want)
			}
			if r.First != tt.first || r.Last != tt.last {
				t.Errorf("Extract(%q) lines %d-%d, want %d-%d", tt.region, r.First, r.Last, tt.first, tt.last)
			}
		})
	}
}

func TestRegionErrors(t *testing.T) {
	tests := []struct {
		name, file, src, region string
		is                      error
		want                    string // the whole message
	}{
		{"unknown lists regions", "examples/q/main.go", goFile, "nope", ErrUnknown,
			`examples/q/main.go: unknown region "nope": the file has "setup", "inner", "call"`},
		{"unknown in a file without regions", "a.go", "package a\n", "x", ErrUnknown,
			`a.go: unknown region "x": the file has no regions`},
		{"duplicate", "a.go", "// [START x]\n1\n// [END x]\n// [START x]\n2\n// [END x]\n", "x", ErrDuplicate,
			`a.go:4: duplicate region "x": it already starts at line 1; rename one of them`},
		{"duplicate while open", "a.go", "// [START x]\n// [START x]\n", "x", ErrDuplicate,
			`a.go:2: duplicate region "x": it is already open since line 1`},
		{"unclosed", "a.go", "1\n// [START x]\n2\n", "x", ErrUnclosed,
			`a.go:2: unclosed region "x": add "// [END x]" after its last line`},
		{"end without start", "c.yaml", "a: 1\n# [END x]\n", "x", ErrNoStart,
			`c.yaml:2: END without START: no region "x" is open; add "# [START x]" before it or remove this line`},
		{"end mismatch", "a.go", "// [START a]\n// [START b]\n// [END a]\n// [END b]\n", "a", ErrMismatch,
			`a.go:3: END does not match START: END "a" closes region "b" opened at line 2; regions may nest but not overlap`},
		{"malformed name", "a.go", "// [START my region]\n", "x", ErrMalformed,
			`a.go:1: malformed marker "// [START my region]": a region name is letters, digits, '_', '-' or '.'; write it as "// [START name]"`},
		{"malformed bracket", "a.go", "x\n  // [START x\n", "x", ErrMalformed,
			`a.go:2: malformed marker "// [START x": write it as "// [START name]"`},
		{"empty", "a.go", "// [START x]\n\n// [END x]\n", "x", ErrEmpty,
			`a.go:1: empty region "x": put code between its START and END`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.file, []byte(tt.src), tt.region)
			if err == nil {
				t.Fatalf("Extract(%q): no error, want %q", tt.region, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	f, err := Parse("main.go", []byte(goFile))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Names(), ","); got != "setup,inner,call" {
		t.Errorf("Names() = %s, want setup,inner,call", got)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("main.go", goFile, "setup")
	f.Add("main.go", goFile, "")
	f.Add("c.yaml", "# [START a]\n  x\n\t# [END a]\n", "a")
	f.Add("x", "// [START a]\n# [END a]\n", "a")
	f.Add("a.go", "// [START a\n", "a")
	f.Fuzz(func(t *testing.T, file, src, name string) {
		r, err := Extract(file, []byte(src), name)
		if err != nil {
			if !strings.HasPrefix(err.Error(), file+":") {
				t.Fatalf("error %q does not start with the file name %q", err, file)
			}
			return
		}
		if r.Text != "" && !strings.HasSuffix(r.Text, "\n") {
			t.Fatalf("text %q does not end in a newline", r.Text)
		}
		if r.First > r.Last {
			t.Fatalf("first line %d after last line %d", r.First, r.Last)
		}
		for _, p := range commentPrefixes(file) {
			for _, l := range strings.Split(r.Text, "\n") {
				if m, err := parseMarker(l, []string{p}); err == nil && m.kind != notMarker {
					t.Fatalf("marker line %q left in %q", l, r.Text)
				}
			}
		}
	})
}
