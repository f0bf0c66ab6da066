package match

import (
	"fmt"
	"slices"
	"strings"
)

// checkAbsent checks the absent expectations. One that refers to no span
// is checked once. One that does ("no WARN record on the server span") is
// checked under every assignment of the present expectations, a being the
// first found: it fails if any assignment lets it match.
func checkAbsent(items, absent []item, a assignment) []string {
	var failures []string
	var referring []int
	for j, it := range absent {
		if len(it.refs) > 0 {
			referring = append(referring, j)
			continue
		}
		if i, ok := firstMatch(it, a); ok {
			failures = append(failures, absentFailure(it, i, ""))
		}
	}
	if len(referring) == 0 {
		return failures
	}
	e := newEnumeration(items, absent, referring)
	e.walk(0, assignment{})
	if e.exceeded {
		var labels []string
		for _, j := range referring {
			if _, ok := e.found[j]; !ok {
				labels = append(labels, absent[j].label)
			}
		}
		failures = append(failures, fmt.Sprintf("%s: absent: true could not be checked: more than %d combinations of the spans it refers to; make the expectations above it more specific",
			strings.Join(labels, ", "), budget))
	}
	for _, j := range referring {
		if f, ok := e.found[j]; ok {
			failures = append(failures, f)
		}
	}
	return failures
}

func firstMatch(it item, a assignment) (int, bool) {
	for i := 0; i < it.n; i++ {
		if allOK(it.check(i, a)) {
			return i, true
		}
	}
	return -1, false
}

func absentFailure(it item, i int, given string) string {
	return fmt.Sprintf("%s: absent: true (no %s may match this expectation), but one does%s: %s", it.label, it.kinds, given, it.name(i))
}

// enumeration visits every assignment of the present items that satisfies
// them all, and checks the referring absent items under each. Two partial
// assignments that agree on every span id still to be referred to lead to
// the same outcome, so each such state is explored once: the walk is
// bounded by the distinct states, not by all combinations.
type enumeration struct {
	items, absent []item
	referring     []int
	live          [][]string // per level: ids the rest of the walk reads
	seen          map[string]bool
	found         map[int]string // absent index -> failure
	steps         int
	exceeded      bool
}

func newEnumeration(items, absent []item, referring []int) *enumeration {
	e := &enumeration{items: items, absent: absent, referring: referring, seen: map[string]bool{}, found: map[int]string{}}
	var tail []string
	for _, j := range referring {
		tail = append(tail, absent[j].refs...)
	}
	e.live = make([][]string, len(items)+1)
	e.live[len(items)] = uniq(tail)
	for k := len(items) - 1; k >= 0; k-- {
		e.live[k] = uniq(append(slices.Clone(e.live[k+1]), items[k].refs...))
	}
	return e
}

func uniq(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}

// done reports whether the walk can stop: every referring absent item has
// been seen to match, or the budget is spent.
func (e *enumeration) done() bool { return e.exceeded || len(e.found) == len(e.referring) }

func (e *enumeration) walk(k int, a assignment) {
	key := e.key(k, a)
	if e.seen[key] {
		return
	}
	e.seen[key] = true
	if k == len(e.items) {
		e.visit(a)
		return
	}
	it := e.items[k]
	for i := 0; i < it.n && !e.done(); i++ {
		if e.steps++; e.steps > budget {
			e.exceeded = true
			return
		}
		if !allOK(it.check(i, a)) {
			continue
		}
		next := a
		if it.assign != nil {
			next = copyA(a)
			it.assign(i, next)
		}
		e.walk(k+1, next)
	}
}

// visit checks the referring absent items under one complete assignment.
func (e *enumeration) visit(a assignment) {
	for _, j := range e.referring {
		if _, ok := e.found[j]; ok {
			continue
		}
		it := e.absent[j]
		if e.steps += it.n; e.steps > budget {
			e.exceeded = true
			return
		}
		if i, ok := firstMatch(it, a); ok {
			var given []string
			for _, id := range it.refs {
				s := a[id]
				given = append(given, fmt.Sprintf("%q as span %q (span %s)", id, s.Name, short(s.SpanID)))
			}
			e.found[j] = absentFailure(it, i, " (with "+strings.Join(given, ", ")+")")
		}
	}
}

// key identifies the state at level k: the level and the spans assigned to
// the ids still to be read.
func (e *enumeration) key(k int, a assignment) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", k)
	for _, id := range e.live[k] {
		s := a[id]
		fmt.Fprintf(&b, "|%s/%s", s.TraceID, s.SpanID)
	}
	return b.String()
}
