package spec

import (
	"encoding/base64"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"oteldocs.dev/internal/valuefmt"
)

// Value matches one value: an attribute, a name, a log body, a number.
//
// In YAML it is either a scalar, matched exactly (numbers compare by value,
// so 200 matches an int64 200 and a float 200.0), a list (matched element by
// element), or a mapping with exactly one of:
//
//	{pattern: "^SELECT"}    a regular expression the value's text must match
//	{present: true}         any value
//	{absent: true}          no value (for attributes)
//	{gte: 1, lte: 10}       a number in range (either bound may be left out)
//	{one_of: [a, b]}        one of the listed scalars
type Value struct {
	Line    int
	Exact   any // string, bool, int64, float64, []any
	Pattern *regexp.Regexp
	Present bool
	Absent  bool
	GTE     *float64
	LTE     *float64
	OneOf   []any
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (v *Value) UnmarshalYAML(n *yaml.Node) error {
	v.Line = n.Line
	switch n.Kind {
	case yaml.ScalarNode, yaml.SequenceNode:
		x, err := scalarOrList(n)
		v.Exact = x
		return err
	case yaml.MappingNode:
		var m struct {
			Pattern *string  `yaml:"pattern"`
			Present bool     `yaml:"present"`
			Absent  bool     `yaml:"absent"`
			GTE     *float64 `yaml:"gte"`
			LTE     *float64 `yaml:"lte"`
			OneOf   []any    `yaml:"one_of"`
		}
		if err := decodeStrict(n, &m); err != nil {
			return err
		}
		if m.Pattern != nil {
			re, err := regexp.Compile(*m.Pattern)
			if err != nil {
				return posErr(n, "bad pattern: %v", err)
			}
			v.Pattern = re
		}
		v.Present, v.Absent, v.GTE, v.LTE = m.Present, m.Absent, m.GTE, m.LTE
		for _, o := range m.OneOf {
			v.OneOf = append(v.OneOf, normalize(o))
		}
		kinds := 0
		for _, set := range []bool{v.Pattern != nil, v.Present, v.Absent, v.GTE != nil || v.LTE != nil, len(v.OneOf) > 0} {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			return posErr(n, "a value matcher takes exactly one of pattern, present, absent, gte/lte, one_of")
		}
		return nil
	}
	return posErr(n, "expected a value or a matcher mapping")
}

func scalarOrList(n *yaml.Node) (any, error) {
	var x any
	if err := n.Decode(&x); err != nil {
		return nil, posErr(n, "%v", err)
	}
	return normalize(x), nil
}

// normalize maps YAML-decoded and pdata-decoded values to comparable forms:
// all integers to int64, all floats to float64, lists to []any.
func normalize(x any) any {
	switch t := x.(type) {
	case int:
		return int64(t)
	case int32:
		return int64(t)
	case uint64:
		return int64(t)
	case float32:
		return float64(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = normalize(e)
		}
		return out
	}
	return x
}

// Match reports whether got (nil meaning absent) satisfies v.
func (v *Value) Match(got any) bool {
	got = normalize(got)
	switch {
	case v.Absent:
		return got == nil
	case got == nil:
		return false
	case v.Present:
		return true
	case v.Pattern != nil:
		return v.Pattern.MatchString(Text(got))
	case v.GTE != nil || v.LTE != nil:
		f, ok := number(got)
		return ok && (v.GTE == nil || f >= *v.GTE) && (v.LTE == nil || f <= *v.LTE)
	case len(v.OneOf) > 0:
		for _, o := range v.OneOf {
			if equal(o, got) {
				return true
			}
		}
		return false
	}
	return equal(v.Exact, got)
}

func equal(want, got any) bool {
	if wl, ok := want.([]any); ok {
		gl, ok := got.([]any)
		if !ok || len(wl) != len(gl) {
			return false
		}
		for i := range wl {
			if !equal(wl[i], normalize(gl[i])) {
				return false
			}
		}
		return true
	}
	if wf, ok := number(want); ok {
		gf, ok := number(got)
		return ok && wf == gf
	}
	if wb, ok := got.([]byte); ok {
		return Text(want) == base64.StdEncoding.EncodeToString(wb)
	}
	return want == got
}

func number(x any) (float64, bool) {
	switch t := x.(type) {
	case int64:
		return float64(t), true
	case float64:
		return t, !math.IsNaN(t)
	}
	return 0, false
}

// String describes the matcher for messages.
func (v *Value) String() string {
	switch {
	case v == nil:
		return "(any)"
	case v.Absent: // the matcher as written: "(absent)" is a value that is not there
		return "{absent: true}"
	case v.Present:
		return "{present: true}"
	case v.Pattern != nil:
		return "~/" + v.Pattern.String() + "/"
	case v.GTE != nil || v.LTE != nil:
		var parts []string
		if v.GTE != nil {
			parts = append(parts, ">= "+strconv.FormatFloat(*v.GTE, 'g', -1, 64))
		}
		if v.LTE != nil {
			parts = append(parts, "<= "+strconv.FormatFloat(*v.LTE, 'g', -1, 64))
		}
		return strings.Join(parts, " and ")
	case len(v.OneOf) > 0:
		var parts []string
		for _, o := range v.OneOf {
			parts = append(parts, Quote(o))
		}
		return "one of " + strings.Join(parts, ", ")
	}
	return Quote(v.Exact)
}

// Quote renders a value for messages, as the site's panels show it.
func Quote(x any) string { return valuefmt.Format(normalize(x)) }

// Text renders a value as plain text, for patterns.
func Text(x any) string {
	if s, ok := x.(string); ok {
		return s
	}
	return Quote(x)
}
