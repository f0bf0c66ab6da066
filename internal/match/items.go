package match

import (
	"fmt"
	"slices"
	"strconv"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

func label(path string, line int, kind string, i int, id string) string {
	l := fmt.Sprintf("%s:%d: %s[%d]", path, line, kind, i)
	if id != "" {
		l += fmt.Sprintf(" %q", id)
	}
	return l
}

func spanItem(path string, idx int, e *spec.SpanExp, d *telemetry.Data) item {
	return item{
		label: label(path, e.Line, "spans", idx, e.ID),
		kinds: "span",
		refs:  spanRefs(e),
		n:     len(d.Spans),
		name: func(i int) string {
			s := d.Spans[i]
			return fmt.Sprintf("span %q (%s, trace %s, span %s)", s.Name, s.Kind, short(s.TraceID), short(s.SpanID))
		},
		assign: func(i int, a assignment) {
			if e.ID != "" {
				a[e.ID] = d.Spans[i]
			}
		},
		check: func(i int, a assignment) []check { return spanChecks(e, d.Spans[i], a) },
	}
}

// spanRefs lists the span ids e refers to.
func spanRefs(e *spec.SpanExp) []string {
	refs := nonEmpty(e.Parent, e.SameTrace)
	for _, l := range e.Links {
		refs = append(refs, nonEmpty(l.Span)...)
	}
	return refs
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	if id == "" {
		return "(none)"
	}
	return id
}

func spanChecks(e *spec.SpanExp, s telemetry.Span, a assignment) []check {
	var cs []check
	cs = valueCheck(cs, "name", e.Name, s.Name)
	cs = valueCheck(cs, "kind", e.Kind, s.Kind)
	cs = valueCheck(cs, "status", e.Status, s.StatusCode)
	cs = valueCheck(cs, "status_message", e.StatusMsg, s.StatusMsg)
	cs = valueCheck(cs, "scope", e.Scope, s.Scope)
	cs = valueCheck(cs, "scope_version", e.ScopeVersion, optional(s.ScopeVersion))
	cs = attrChecks(cs, "attributes.", e.Attributes, s.Attributes)
	cs = valueCheck(cs, "trace_state", e.TraceState, optional(s.TraceState))
	cs = valueCheck(cs, "trace_id", e.TraceID, s.TraceID)
	cs = valueCheck(cs, "parent_span_id", e.ParentSpanID, optional(s.ParentSpanID))
	cs = valueCheck(cs, "dropped_attributes_count", e.DroppedAttributes, int64(s.DroppedAttributes))
	cs = valueCheck(cs, "dropped_events_count", e.DroppedEvents, int64(s.DroppedEvents))
	cs = valueCheck(cs, "dropped_links_count", e.DroppedLinks, int64(s.DroppedLinks))
	if e.Root {
		cs = append(cs, check{field: "root", want: "no parent", got: "parent " + short(s.ParentSpanID), ok: s.ParentSpanID == ""})
	}
	if e.Parent != "" {
		p := a[e.Parent]
		cs = append(cs, check{
			field: "parent",
			want:  fmt.Sprintf("span %q (%s/%s)", e.Parent, short(p.TraceID), short(p.SpanID)),
			got:   fmt.Sprintf("%s/%s", short(s.TraceID), short(s.ParentSpanID)),
			ok:    s.TraceID == p.TraceID && s.ParentSpanID == p.SpanID,
		})
	}
	if e.SameTrace != "" {
		p := a[e.SameTrace]
		cs = append(cs, check{field: "same_trace", want: fmt.Sprintf("trace of %q (%s)", e.SameTrace, short(p.TraceID)), got: short(s.TraceID), ok: s.TraceID == p.TraceID})
	}
	for j, ev := range e.Events {
		cs = append(cs, eventCheck(j, ev, s.Events))
	}
	for j, l := range e.Links {
		cs = append(cs, linkCheck(j, l, s.Links, a))
	}
	return cs
}

func eventCheck(j int, want *spec.EventExp, got []telemetry.Event) check {
	c := check{field: "events[" + strconv.Itoa(j) + "]", want: describeEvent(want)}
	var names []string
	for _, ev := range got {
		names = append(names, strconv.Quote(ev.Name))
		if (want.Name == nil || want.Name.Match(ev.Name)) && attrsMatch(want.Attributes, ev.Attributes) {
			c.ok = true
		}
	}
	c.got = fmt.Sprintf("%d events %v", len(got), names)
	for _, ev := range got {
		if want.Name != nil && want.Name.Match(ev.Name) {
			c.got = fmt.Sprintf("event %q with %s", ev.Name, spec.Quote(map[string]any(ev.Attributes)))
		}
	}
	return c
}

func describeEvent(e *spec.EventExp) string {
	s := "an event"
	if e.Name != nil {
		s += " named " + e.Name.String()
	}
	if len(e.Attributes) > 0 {
		s += " with " + describeAttrs(e.Attributes)
	}
	return s
}

func describeAttrs(m map[string]*spec.Value) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s := "{"
	for i, k := range keys {
		if i > 0 {
			s += ", "
		}
		s += k + ": " + m[k].String()
	}
	return s + "}"
}

func linkCheck(j int, want *spec.LinkExp, got []telemetry.Link, a assignment) check {
	c := check{field: "links[" + strconv.Itoa(j) + "]", want: "a link"}
	var target telemetry.Span
	if want.Span != "" {
		target = a[want.Span]
		c.want += fmt.Sprintf(" to %q (%s/%s)", want.Span, short(target.TraceID), short(target.SpanID))
	}
	if len(want.Attributes) > 0 {
		c.want += " with " + describeAttrs(want.Attributes)
	}
	var seen []string
	for _, l := range got {
		seen = append(seen, short(l.TraceID)+"/"+short(l.SpanID))
		if (want.Span == "" || (l.TraceID == target.TraceID && l.SpanID == target.SpanID)) && attrsMatch(want.Attributes, l.Attributes) {
			c.ok = true
		}
	}
	c.got = fmt.Sprintf("%d links %v", len(got), seen)
	return c
}

func logItem(path string, idx int, e *spec.LogExp, d *telemetry.Data) item {
	return item{
		label: label(path, e.Line, "logs", idx, ""),
		kinds: "log record",
		refs:  nonEmpty(e.Span),
		n:     len(d.Logs),
		name: func(i int) string {
			l := d.Logs[i]
			return fmt.Sprintf("log record %s (%s, trace %s, span %s)", spec.Quote(l.Body), l.SeverityText, short(l.TraceID), short(l.SpanID))
		},
		check: func(i int, a assignment) []check {
			l := d.Logs[i]
			var cs []check
			cs = valueCheck(cs, "body", e.Body, l.Body)
			cs = valueCheck(cs, "severity", e.Severity, l.SeverityText)
			cs = valueCheck(cs, "severity_number", e.SeverityN, int64(l.SeverityNumber))
			cs = valueCheck(cs, "scope", e.Scope, l.Scope)
			cs = attrChecks(cs, "attributes.", e.Attributes, l.Attributes)
			cs = valueCheck(cs, "trace_id", e.TraceID, optional(l.TraceID))
			cs = valueCheck(cs, "span_id", e.SpanID, optional(l.SpanID))
			cs = valueCheck(cs, "trace_flags", e.TraceFlags, int64(l.TraceFlags))
			if e.Span != "" {
				s := a[e.Span]
				cs = append(cs, check{
					field: "span",
					want:  fmt.Sprintf("correlated with %q (%s/%s)", e.Span, short(s.TraceID), short(s.SpanID)),
					got:   fmt.Sprintf("%s/%s", short(l.TraceID), short(l.SpanID)),
					ok:    l.TraceID == s.TraceID && l.SpanID == s.SpanID,
				})
			}
			return cs
		},
	}
}

func metricItem(path string, idx int, e *spec.MetricExp, d *telemetry.Data) item {
	return item{
		label: label(path, e.Line, "metrics", idx, ""),
		kinds: "metric",
		refs:  metricRefs(e),
		n:     len(d.Metrics),
		name: func(i int) string {
			m := d.Metrics[i]
			return fmt.Sprintf("metric %q (%s, unit %q, %d points)", m.Name, m.Type, m.Unit, len(m.Points))
		},
		check: func(i int, a assignment) []check { return metricChecks(e, d.Metrics[i], a) },
	}
}

// metricRefs lists the span ids whose exemplars e expects.
func metricRefs(e *spec.MetricExp) []string {
	var refs []string
	for _, p := range e.Points {
		refs = append(refs, nonEmpty(p.Exemplar)...)
	}
	return refs
}

func metricChecks(e *spec.MetricExp, m telemetry.Metric, a assignment) []check {
	var cs []check
	cs = valueCheck(cs, "name", e.Name, m.Name)
	cs = valueCheck(cs, "type", e.Type, m.Type)
	cs = valueCheck(cs, "unit", e.Unit, m.Unit)
	cs = valueCheck(cs, "temporality", e.Temporality, optional(m.Temporality))
	if e.Monotonic != nil {
		cs = append(cs, check{field: "monotonic", want: strconv.FormatBool(*e.Monotonic), got: strconv.FormatBool(m.Monotonic), ok: *e.Monotonic == m.Monotonic})
	}
	if e.Bounds != nil {
		c := check{field: "bounds", want: fmt.Sprint(e.Bounds), got: "no points"}
		for _, p := range m.Points {
			c.got = fmt.Sprint(p.Bounds)
			if slices.Equal(p.Bounds, e.Bounds) {
				c.ok = true
				break
			}
		}
		cs = append(cs, c)
	}
	for j, pe := range e.Points {
		cs = append(cs, pointCheck(j, pe, m, a))
	}
	return cs
}

func pointCheck(j int, e *spec.PointExp, m telemetry.Metric, a assignment) check {
	c := check{field: "points[" + strconv.Itoa(j) + "]", want: "a point"}
	if len(e.Attributes) > 0 {
		c.want += " with " + describeAttrs(e.Attributes)
	}
	for _, f := range []struct {
		name string
		v    *spec.Value
	}{{"value", e.Value}, {"count", e.Count}, {"sum", e.Sum}} {
		if f.v != nil {
			c.want += fmt.Sprintf(", %s %s", f.name, f.v)
		}
	}
	var ex telemetry.Span
	if e.Exemplar != "" {
		ex = a[e.Exemplar]
		c.want += fmt.Sprintf(", an exemplar from span %q (%s)", e.Exemplar, short(ex.SpanID))
	}
	var got []string
	for _, p := range m.Points {
		got = append(got, describePoint(m, p))
		if !attrsMatch(e.Attributes, p.Attributes) {
			continue
		}
		isNum := m.Type == "sum" || m.Type == "gauge"
		if e.Value != nil && !(isNum && e.Value.Match(p.Value)) {
			continue
		}
		if e.Count != nil && (isNum || !e.Count.Match(int64(p.Count))) {
			continue
		}
		if e.Sum != nil && (isNum || !e.Sum.Match(p.Sum)) {
			continue
		}
		if e.Exemplar != "" && !slices.ContainsFunc(p.Exemplars, func(x telemetry.Exemplar) bool {
			return x.TraceID == ex.TraceID && x.SpanID == ex.SpanID
		}) {
			continue
		}
		c.ok = true
	}
	if len(got) > 6 {
		got = append(got[:6], "...")
	}
	c.got = fmt.Sprint(got)
	return c
}

func describePoint(m telemetry.Metric, p telemetry.Point) string {
	s := spec.Quote(map[string]any(p.Attributes))
	switch m.Type {
	case "sum", "gauge":
		return s + " = " + strconv.FormatFloat(p.Value, 'g', -1, 64)
	}
	return fmt.Sprintf("%s count=%d sum=%g", s, p.Count, p.Sum)
}

// optional maps an empty string to nil, so {absent: true} matches it.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}
