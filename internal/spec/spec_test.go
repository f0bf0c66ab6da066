package spec

import (
	"testing"

	"oteldocs.dev/internal/txtartest"
)

// TestParse runs testdata/*.txtar: each holds a verify.yaml and a want file,
// which is "ok" or the expected error text. Error cases are named *_err_*.
func TestParse(t *testing.T) {
	txtartest.Run(t, "testdata/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		in, ok := files["verify.yaml"]
		if !ok {
			t.Fatal("no verify.yaml in the archive")
		}
		if _, err := ParseBytes("verify.yaml", in); err != nil {
			return err.Error() + "\n", false
		}
		return "ok\n", true
	})
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
