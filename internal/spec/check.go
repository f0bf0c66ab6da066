package spec

import (
	"fmt"
	"strings"
)

// reporter records one problem at a line of the file.
type reporter = func(line int, format string, args ...any)

var (
	kinds       = []string{"INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"}
	metricTypes = []string{"sum", "gauge", "histogram", "exponential_histogram", "summary"}
	temporality = []string{"delta", "cumulative"}
	protocols   = []string{"http/protobuf", "grpc"}
)

// checkRun checks how the example runs and the case-wide expectations.
func (s *Spec) checkRun(bad reporter) {
	if p := s.Run.Protocol; p != "" && !contains(protocols, p) {
		bad(s.Line, "run.protocol: want http/protobuf or grpc, got %q", p)
	}
	if s.Expect.NoTelemetry && len(s.Expect.Spans)+len(s.Expect.Metrics)+len(s.Expect.Logs)+len(s.Expect.Resource) > 0 {
		bad(s.Line, "expect: no_telemetry excludes every other expectation")
	}
}

// checkEmptyItems reports list items and attributes left empty in YAML (a
// lone "-", a key without a value), which decode to nil. It returns false
// if it found one: the later steps read every item.
func (s *Spec) checkEmptyItems(bad reporter) bool {
	if hasNil(s.Run.Output) {
		bad(s.Line, "run.output: an empty list item")
		return false
	}
	if hasNil(s.Expect.Spans) || hasNil(s.Expect.Metrics) || hasNil(s.Expect.Logs) {
		bad(1, "expect: an empty list item (a lone '-'); remove it or give it fields")
		return false
	}
	for _, sp := range s.Expect.Spans {
		if hasNil(sp.Events) || hasNil(sp.Links) {
			bad(sp.Line, "events or links: an empty list item")
			return false
		}
	}
	for _, m := range s.Expect.Metrics {
		if hasNil(m.Points) {
			bad(m.Line, "points: an empty list item")
			return false
		}
	}
	for _, m := range s.attributeMaps() {
		for k, v := range m {
			if v == nil {
				bad(1, "attribute %q has no value: write {present: true} or {absent: true} if that is what you mean", k)
				return false
			}
		}
	}
	return true
}

// attributeMaps lists every attribute matcher map of the case.
func (s *Spec) attributeMaps() []map[string]*Value {
	maps := []map[string]*Value{s.Expect.Resource}
	for _, sp := range s.Expect.Spans {
		maps = append(maps, sp.Attributes)
		for _, e := range sp.Events {
			maps = append(maps, e.Attributes)
		}
		for _, l := range sp.Links {
			maps = append(maps, l.Attributes)
		}
	}
	for _, m := range s.Expect.Metrics {
		for _, p := range m.Points {
			maps = append(maps, p.Attributes)
		}
	}
	for _, l := range s.Expect.Logs {
		maps = append(maps, l.Attributes)
	}
	return maps
}

// checkSpans checks the span expectations in order and returns the span
// ids they define: a span may refer only to spans above it, because the
// matcher assigns spans in order.
func (s *Spec) checkSpans(bad reporter) map[string]bool {
	ids := map[string]bool{}
	for _, sp := range s.Expect.Spans {
		checkNames(bad, sp.Line, "kind", sp.Kind, kinds)
		for _, ref := range []string{sp.Parent, sp.SameTrace} {
			if ref != "" && !ids[ref] {
				bad(sp.Line, "span %q is not defined above this one", ref)
			}
		}
		for _, l := range sp.Links {
			if l.Span != "" && !ids[l.Span] {
				bad(sp.Line, "links: span %q is not defined above this one", l.Span)
			}
		}
		if sp.ID != "" {
			if ids[sp.ID] {
				bad(sp.Line, "duplicate span id %q", sp.ID)
			}
			ids[sp.ID] = true
		}
		switch {
		case sp.Absent && sp.ID != "":
			bad(sp.Line, "an absent span cannot have an id: nothing can refer to it")
		case sp.Count != nil && sp.ID != "":
			bad(sp.Line, "a span with count cannot have an id: it stands for every span that matches, not one")
		}
		if sp.Root && sp.Parent != "" {
			bad(sp.Line, "root and parent exclude each other")
		}
		checkExpCount(bad, sp.Line, sp.Count, sp.Absent)
	}
	return ids
}

// checkMetrics checks the metric expectations; ids are the span ids.
func (s *Spec) checkMetrics(bad reporter, ids map[string]bool) {
	for _, m := range s.Expect.Metrics {
		if m.Name == nil {
			bad(m.Line, "a metric expectation needs a name")
		}
		checkNames(bad, m.Line, "type", m.Type, metricTypes)
		checkNames(bad, m.Line, "temporality", m.Temporality, temporality)
		for _, p := range m.Points {
			if p.Exemplar != "" && !ids[p.Exemplar] {
				bad(m.Line, "exemplar_span: span %q is not defined", p.Exemplar)
			}
		}
		checkExpCount(bad, m.Line, m.Count, m.Absent)
	}
}

// checkLogs checks the log expectations; ids are the span ids.
func (s *Spec) checkLogs(bad reporter, ids map[string]bool) {
	for _, l := range s.Expect.Logs {
		if l.Span != "" && !ids[l.Span] {
			bad(l.Line, "span %q is not defined", l.Span)
		}
		checkExpCount(bad, l.Line, l.Count, l.Absent)
	}
}

// checkNames checks the matcher of a field whose value is always one name
// out of a fixed set (kind, type, temporality): a name or one_of names.
// present, absent, a pattern or a range would say nothing a name does not.
func checkNames(bad reporter, line int, field string, v *Value, known []string) {
	if v == nil {
		return
	}
	want := fmt.Sprintf("want %s, or {one_of: [...]} of those;", orList(known))
	names := v.OneOf
	if v.Exact != nil {
		names = []any{v.Exact}
	}
	if len(names) == 0 {
		bad(line, "%s: %s got %s", field, want, v)
		return
	}
	for _, n := range names {
		if s, ok := n.(string); !ok || !contains(known, s) {
			bad(line, "%s: %s got %s", field, want, v)
			return
		}
	}
}

// checkCount checks a count matcher: a whole number, a range or one_of
// whole numbers.
func checkCount(bad reporter, line int, c *Value) {
	if c == nil {
		return
	}
	ok := c.GTE != nil || c.LTE != nil || len(c.OneOf) > 0
	if _, whole := c.Exact.(int64); whole {
		ok = true
	}
	for _, o := range c.OneOf {
		if _, whole := o.(int64); !whole {
			ok = false
		}
	}
	if !ok {
		bad(line, "count: want a whole number or a range such as {gte: 1}, got %s", c)
	}
}

// checkExpCount checks the count of a span, metric or log expectation.
func checkExpCount(bad reporter, line int, c *Value, absent bool) {
	checkCount(bad, line, c)
	switch {
	case c != nil && absent:
		bad(line, "absent: true and count exclude each other: absent: true is count 0, checked under every assignment; keep one")
	case c != nil && (c.Exact == int64(0) || c.LTE != nil && *c.LTE < 1):
		bad(line, "count: 0: write absent: true instead: it says the same, and is checked under every assignment the search could pick")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// orList writes "a, b or c".
func orList(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}
