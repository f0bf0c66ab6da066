package valuefmt

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, "(absent)"},
		{"GET", `"GET"`},
		{"a \"b\"\n", `"a \"b\"\n"`},
		{"", `""`},
		{int64(200), "200"},
		{int(3), "3"},
		{float64(0.25), "0.25"},
		{float64(200), "200"},
		{true, "true"},
		{[]byte("hi"), "base64:aGk="},
		{[]any{"a", int64(1), []any{false}}, `["a", 1, [false]]`},
		{[]any{}, "[]"},
		{map[string]any{"b": int64(2), "a": "x", "c": map[string]any{"d": nil}}, `{a: "x", b: 2, c: {d: (absent)}}`},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%#v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
