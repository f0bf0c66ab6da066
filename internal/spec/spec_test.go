package spec

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

// TestParse runs testdata/*.txtar: each holds a verify.yaml and a want file,
// which is "ok" or the expected error text. Error cases are named *_err_*.
func TestParse(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test data")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var in []byte
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "verify.yaml":
					in = f.Data
				case "want":
					wantIdx = i
				}
			}
			if in == nil || wantIdx < 0 {
				t.Fatalf("%s: needs verify.yaml and want", file)
			}
			got := "ok\n"
			if _, err := ParseBytes("verify.yaml", in); err != nil {
				got = err.Error() + "\n"
			}
			isErr := strings.Contains(file, "_err_")
			if isErr == (got == "ok\n") {
				t.Errorf("%s: error case mismatch (name says error=%v), got %q", file, isErr, got)
			}
			if *update {
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestValueMatch(t *testing.T) {
	tests := []struct {
		yaml string
		got  any
		want bool
	}{
		{"200", int64(200), true},
		{"200", float64(200), true},
		{"200", "200", false},
		{"GET", "GET", true},
		{"GET", "POST", false},
		{"GET", nil, false},
		{"true", true, true},
		{"{pattern: '^SELECT'}", "SELECT 1", true},
		{"{pattern: '^SELECT'}", "INSERT", false},
		{"{pattern: '^2'}", int64(200), true},
		{"{present: true}", "x", true},
		{"{present: true}", nil, false},
		{"{absent: true}", nil, true},
		{"{absent: true}", "x", false},
		{"{gte: 1}", int64(1), true},
		{"{gte: 1}", float64(0.5), false},
		{"{gte: 1, lte: 2}", int64(3), false},
		{"{gte: 1}", "1", false},
		{"{one_of: [a, b]}", "b", true},
		{"{one_of: [a, b]}", "c", false},
		{"[1, 2]", []any{int64(1), int64(2)}, true},
		{"[1, 2]", []any{int64(2), int64(1)}, false},
	}
	for _, tt := range tests {
		var v Value
		if err := unmarshalValue(tt.yaml, &v); err != nil {
			t.Fatalf("%s: %v", tt.yaml, err)
		}
		if got := v.Match(tt.got); got != tt.want {
			t.Errorf("%s matching %#v = %v, want %v", tt.yaml, tt.got, got, tt.want)
		}
	}
}

func unmarshalValue(s string, v *Value) error {
	sp, err := ParseBytes("v.yaml", []byte("expect:\n  resource:\n    k: "+s+"\n"))
	if err != nil {
		return err
	}
	*v = *sp.Expect.Resource["k"]
	return nil
}
