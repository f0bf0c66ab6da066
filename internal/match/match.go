// Package match checks the expectations of a verify.yaml against the
// telemetry that arrived, and explains a mismatch: what was expected, beside
// the closest thing that arrived.
//
// Spans are matched in the order they are listed; a span may refer (parent,
// same_trace, links) only to spans above it. Logs and metric exemplars may
// refer to any span. The matcher searches for one assignment of real spans
// and records to expectations that satisfies all of them at once, so "the
// server span" and "its database child" are found as a pair.
//
// An absent expectation must match nothing under any assignment the search
// could pick: "no WARN record correlated with the server span" fails if any
// span that can be the server span has one, not only the first found.
//
// An expectation with a count takes no part in the search: once the search
// has found its assignment, every candidate that satisfies the expectation
// under that assignment is counted, whether or not another expectation was
// assigned it, and the number must satisfy the count (count.go). When the
// search fails, the counts that refer to no span are still checked.
package match

import (
	"fmt"
	"sort"
	"strings"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

// Result is the outcome of Match.
type Result struct {
	// Failures is empty when every expectation matched. Each entry is a
	// readable, possibly multi-line explanation.
	Failures []string
	// Spans maps span ids of the spec to the spans that matched them.
	Spans map[string]telemetry.Span
}

// OK reports whether everything matched.
func (r Result) OK() bool { return len(r.Failures) == 0 }

// check is one compared field of one candidate.
type check struct {
	field     string
	want, got string
	ok        bool
}

// item is one expectation to assign a candidate to.
type item struct {
	label  string
	n      int                               // number of candidates
	check  func(i int, a assignment) []check // compare candidate i
	name   func(i int) string                // describe candidate i
	assign func(i int, a assignment)         // record candidate i (spans)
	kinds  string                            // "span", "log record", "metric"
	absent bool                              // nothing may match
	count  *spec.Value                       // how many match, when counted
	refs   []string                          // span ids its checks depend on
}

type assignment map[string]telemetry.Span

// budget bounds the search so a pathological spec cannot hang verify.
const budget = 200000

// Match checks e against d.
func Match(path string, e *spec.Expect, d *telemetry.Data) Result {
	var res Result
	for _, p := range d.Invalid { // invalid OTLP fails whatever is expected
		res.Failures = append(res.Failures, p.Err)
	}
	if e.NoTelemetry {
		if n := len(d.Spans) + len(d.Metrics) + len(d.Logs); n > 0 {
			res.Failures = append(res.Failures, fmt.Sprintf("%s: expect.no_telemetry, but telemetry arrived: %s", path, summary(d)))
		}
		return res
	}
	if len(d.Spans)+len(d.Metrics)+len(d.Logs) == 0 {
		res.Failures = append(res.Failures, "nothing arrived at the Collector for this example (no spans, metrics or logs)")
		return res
	}
	res.Failures = append(res.Failures, checkResources(path, e.Resource, d)...)

	var all []item
	for i, s := range e.Spans {
		all = append(all, with(spanItem(path, i, s, d), s.Absent, s.Count))
	}
	for i, l := range e.Logs {
		all = append(all, with(logItem(path, i, l, d), l.Absent, l.Count))
	}
	for i, m := range e.Metrics {
		all = append(all, with(metricItem(path, i, m, d), m.Absent, m.Count))
	}
	var items, absent, counted []item
	for _, it := range all {
		switch {
		case it.absent:
			absent = append(absent, it)
		case it.count != nil:
			counted = append(counted, it)
		default:
			items = append(items, it)
		}
	}

	s := &search{items: items, a: assignment{}, deepest: -1}
	if !s.run(0) {
		res.Failures = append(res.Failures, s.explain(d))
		res.Failures = append(res.Failures, alsoFailing(items, s.deepest, d)...)
		res.Failures = append(res.Failures, checkCounts(independent(counted), assignment{})...)
		res.Failures = append(res.Failures, summary(d))
		return res
	}
	res.Spans = s.a
	res.Failures = append(res.Failures, checkAbsent(items, absent, s.a)...)
	res.Failures = append(res.Failures, checkCounts(counted, s.a)...)
	return res
}

// independent keeps the items that refer to no span: they can be checked
// without an assignment.
func independent(items []item) []item {
	var out []item
	for _, it := range items {
		if len(it.refs) == 0 {
			out = append(out, it)
		}
	}
	return out
}

func with(it item, absent bool, count *spec.Value) item {
	it.absent, it.count = absent, count
	return it
}

type search struct {
	items    []item
	a        assignment
	steps    int
	deepest  int        // the furthest item that found no candidate
	deepA    assignment // the assignment at that point
	exceeded bool
}

func (s *search) run(k int) bool {
	if k == len(s.items) {
		return true
	}
	it := s.items[k]
	for i := 0; i < it.n; i++ {
		if s.steps++; s.steps > budget {
			s.exceeded = true
			return false
		}
		if !allOK(it.check(i, s.a)) {
			continue
		}
		var saved assignment
		if it.assign != nil {
			saved = copyA(s.a)
			it.assign(i, s.a)
		}
		if s.run(k + 1) {
			return true
		}
		if saved != nil {
			s.a = saved
		}
	}
	if k > s.deepest {
		s.deepest, s.deepA = k, copyA(s.a)
	}
	return false
}

func (s *search) explain(d *telemetry.Data) string {
	if s.exceeded || s.deepest < 0 {
		return fmt.Sprintf("could not check the expectations: more than %d combinations of candidates; make the expectations more specific (a name, a kind, an attribute)", budget)
	}
	return explainItem(s.items[s.deepest], s.deepA, s.deepest > 0, d)
}

// explainItem says why no candidate satisfies it under the assignment a,
// showing the closest one field by field.
func explainItem(it item, a assignment, given bool, d *telemetry.Data) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: no %s matches", it.label, it.kinds)
	if given {
		b.WriteString(" (given the matches above it)")
	}
	best, bestScore := -1, -1
	var bestChecks []check
	for i := 0; i < it.n; i++ {
		cs := it.check(i, a)
		score := 0
		for j, c := range cs {
			if c.ok {
				score += 2
				if j == 0 { // the name: weigh it most
					score += len(cs)
				}
			}
		}
		if score > bestScore {
			best, bestScore, bestChecks = i, score, cs
		}
	}
	if best < 0 {
		b.WriteString("\n    nothing of that kind arrived")
		return b.String()
	}
	if len(bestChecks) > 0 && bestChecks[0].field == "name" && !bestChecks[0].ok {
		fmt.Fprintf(&b, "\n    no %s named %s arrived", it.kinds, bestChecks[0].want)
		return b.String()
	}
	fmt.Fprintf(&b, "\n    closest: %s", it.name(best))
	for _, c := range bestChecks {
		mark := "ok  "
		if !c.ok {
			mark = "FAIL"
		}
		fmt.Fprintf(&b, "\n      %s %-36s want %s", mark, c.field, c.want)
		if !c.ok {
			fmt.Fprintf(&b, ", got %s", c.got)
		}
	}
	return b.String()
}

// alsoFailing explains the other expectations that refer to no span and
// that nothing satisfies on its own, so one run reports every independent
// failure, not just the first.
func alsoFailing(items []item, except int, d *telemetry.Data) []string {
	var out []string
	for k, it := range items {
		if k == except || len(it.refs) > 0 {
			continue
		}
		found := false
		for i := 0; i < it.n && !found; i++ {
			found = allOK(it.check(i, assignment{}))
		}
		if !found {
			out = append(out, explainItem(it, assignment{}, false, d))
		}
	}
	return out
}

// summary lists what arrived, briefly.
func summary(d *telemetry.Data) string {
	count := map[string]int{}
	for _, s := range d.Spans {
		count[fmt.Sprintf("%q (%s)", s.Name, s.Kind)]++
	}
	var names []string
	for k, n := range count {
		if n > 1 {
			k += fmt.Sprintf(" x%d", n)
		}
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) > 12 {
		names = append(names[:12], "...")
	}
	metrics := map[string]bool{}
	for _, m := range d.Metrics {
		metrics[m.Name] = true
	}
	var mnames []string
	for k := range metrics {
		mnames = append(mnames, k)
	}
	sort.Strings(mnames)
	if len(mnames) > 40 {
		mnames = append(mnames[:40], "...")
	}
	return fmt.Sprintf("arrived: %d spans [%s]; metrics [%s]; %d log records",
		len(d.Spans), strings.Join(names, ", "), strings.Join(mnames, ", "), len(d.Logs))
}

func allOK(cs []check) bool {
	for _, c := range cs {
		if !c.ok {
			return false
		}
	}
	return true
}

func copyA(a assignment) assignment {
	out := make(assignment, len(a))
	for k, v := range a {
		out[k] = v
	}
	return out
}

// valueCheck compares one value matcher; nil matchers are not checked.
func valueCheck(cs []check, field string, want *spec.Value, got any) []check {
	if want == nil {
		return cs
	}
	return append(cs, check{field: field, want: want.String(), got: spec.Quote(got), ok: want.Match(got)})
}

// attrChecks compares attribute matchers in key order.
func attrChecks(cs []check, prefix string, want map[string]*spec.Value, got telemetry.Attrs) []check {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cs = valueCheck(cs, prefix+k, want[k], got[k])
	}
	return cs
}

func attrsMatch(want map[string]*spec.Value, got telemetry.Attrs) bool {
	for k, v := range want {
		if !v.Match(got[k]) {
			return false
		}
	}
	return true
}

func checkResources(path string, want map[string]*spec.Value, d *telemetry.Data) []string {
	if len(want) == 0 {
		return nil
	}
	seen := map[string]telemetry.Attrs{}
	for _, s := range d.Spans {
		seen[spec.Quote(map[string]any(s.Resource))] = s.Resource
	}
	for _, m := range d.Metrics {
		seen[spec.Quote(map[string]any(m.Resource))] = m.Resource
	}
	for _, l := range d.Logs {
		seen[spec.Quote(map[string]any(l.Resource))] = l.Resource
	}
	var out []string
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, c := range attrChecks(nil, "", want, seen[k]) {
			if !c.ok {
				out = append(out, fmt.Sprintf("%s:%d: resource attribute %s: want %s, got %s (resource %s)", path, want[c.field].Line, c.field, c.want, c.got, k))
			}
		}
	}
	return out
}
