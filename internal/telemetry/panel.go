package telemetry

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"oteldocs.dev/internal/valuefmt"
)

// HiddenKeys are resource attributes added by verify, not by the example:
// panels leave them out.
var HiddenKeys = map[string]bool{"oteldocs.run.id": true}

// MaxTraces is how many traces a panel draws; the rest are counted.
const MaxTraces = 10

// Panel is what a telemetry panel shows of one run: the span trees, the
// metrics with their points, the log records and the resource, every value
// already formatted as text. The theme draws it (site/templates/telemetry.html);
// nothing here is HTML. NewPanel makes it.
type Panel struct {
	Traces     []*SpanNode // at most MaxTraces roots
	Waterfalls []*Trace    // Traces grouped by trace id and laid out on a time axis
	MoreTraces int         // traces left out
	TraceCount int
	SpanCount  int
	Metrics    []MetricRow
	Logs       []LogRow
	Resource   []AttrRow
	Raw        []RawDoc // the OTLP JSON that arrived
}

// NewPanel computes the panel of what arrived. The result is deterministic
// for the same data; an empty d gives a panel with no traces, metrics or logs.
func NewPanel(d *Data) *Panel {
	v := &Panel{Resource: attrRows(firstResource(d))}
	v.Traces, v.MoreTraces = traceTrees(d.Spans)
	v.Waterfalls = waterfalls(v.Traces)
	v.SpanCount, v.TraceCount = len(d.Spans), len(v.Traces)+v.MoreTraces
	v.Metrics = metricRows(d.Metrics)
	v.Logs = logRows(d, v.Waterfalls)
	v.Raw = rawDocs(d.Raw)
	return v
}

// AttrRow is one attribute, its value as the OTLP JSON shows it.
type AttrRow struct{ Key, Value string }

// SpanNode is a span of a trace tree.
type SpanNode struct {
	Span     Span
	Dropped  string // "3 attributes, 1 event": what span limits dropped
	Duration string
	Attrs    []AttrRow
	Events   []string // name and attributes, one line each
	Links    []string
	Children []*SpanNode
}

// MetricRow is the last export of one metric.
type MetricRow struct {
	Name, Type, Unit, Scope string
	Points                  []string // one line each, sorted
	Charts                  []Chart  // where one fits: histogram buckets, a series exported more than once
}

// LogRow is one log record.
type LogRow struct {
	Severity, Body, Attrs, Span string
	SpanHref                    string // "#span-<id>" when its span is drawn in the panel
}

func firstResource(d *Data) Attrs {
	switch {
	case len(d.Spans) > 0:
		return d.Spans[0].Resource
	case len(d.Metrics) > 0:
		return d.Metrics[0].Resource
	case len(d.Logs) > 0:
		return d.Logs[0].Resource
	}
	return nil
}

func attrRows(a Attrs) []AttrRow {
	keys := make([]string, 0, len(a))
	for k := range a {
		if !HiddenKeys[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	rows := make([]AttrRow, len(keys))
	for i, k := range keys {
		rows[i] = AttrRow{k, valuefmt.Format(a[k])}
	}
	return rows
}

func inline(a Attrs) string {
	rows := attrRows(a)
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = r.Key + "=" + r.Value
	}
	return strings.Join(parts, " ")
}

// traceTrees builds one tree per trace, traces in order of their first
// span's start, children in start order.
func traceTrees(spans []Span) (roots []*SpanNode, more int) {
	nodes := map[string]*SpanNode{}
	for _, s := range spans {
		n := &SpanNode{Span: s, Duration: duration(s.End.Sub(s.Start)), Attrs: attrRows(s.Attributes), Dropped: dropped(s)}
		for _, e := range s.Events {
			n.Events = append(n.Events, strings.TrimSpace(e.Name+" "+inline(e.Attributes)))
		}
		for _, l := range s.Links {
			n.Links = append(n.Links, strings.TrimSpace("trace "+l.TraceID+" span "+l.SpanID+" "+inline(l.Attributes)))
		}
		nodes[s.TraceID+s.SpanID] = n
	}
	var all []*SpanNode
	for _, s := range spans {
		n := nodes[s.TraceID+s.SpanID]
		if p, ok := nodes[s.TraceID+s.ParentSpanID]; ok && s.ParentSpanID != "" {
			p.Children = append(p.Children, n)
		} else {
			all = append(all, n)
		}
	}
	var sortNodes func([]*SpanNode)
	sortNodes = func(ns []*SpanNode) {
		sort.SliceStable(ns, func(i, j int) bool {
			a, b := ns[i].Span, ns[j].Span
			if !a.Start.Equal(b.Start) {
				return a.Start.Before(b.Start)
			}
			return a.SpanID < b.SpanID
		})
		for _, n := range ns {
			sortNodes(n.Children)
		}
	}
	sortNodes(all)
	if len(all) > MaxTraces {
		return all[:MaxTraces], len(all) - MaxTraces
	}
	return all, 0
}

func dropped(s Span) string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{s.DroppedAttributes, "attribute"}, {s.DroppedEvents, "event"}, {s.DroppedLinks, "link"}} {
		if c.n == 1 {
			parts = append(parts, "1 "+c.what)
		} else if c.n > 1 {
			parts = append(parts, strconv.Itoa(c.n)+" "+c.what+"s")
		}
	}
	return strings.Join(parts, ", ")
}

func duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return strconv.FormatFloat(float64(d)/float64(time.Microsecond), 'f', 0, 64) + " µs"
	case d < time.Second:
		return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 1, 64) + " ms"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s"
}

// metricRows keeps the last export of each metric (cumulative metrics
// repeat), sorted by name.
func metricRows(ms []Metric) []MetricRow {
	last := map[string]Metric{}
	for _, m := range ms {
		last[m.Scope+"\x00"+m.Name] = m
	}
	keys := make([]string, 0, len(last))
	for k := range last {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		an, bn := last[a].Name, last[b].Name
		return strings.Compare(an+"\x00"+a, bn+"\x00"+b)
	})
	rows := make([]MetricRow, 0, len(keys))
	for _, k := range keys {
		m := last[k]
		typ := m.Type
		if m.Temporality != "" {
			typ += ", " + m.Temporality
		}
		r := MetricRow{Name: m.Name, Type: typ, Unit: m.Unit, Scope: m.Scope}
		for _, p := range m.Points {
			r.Points = append(r.Points, pointText(m, p))
		}
		sort.Strings(r.Points)
		r.Charts = charts(ms, m.Scope, m.Name)
		rows = append(rows, r)
	}
	return rows
}

func pointText(m Metric, p Point) string {
	a := inline(p.Attributes)
	if a == "" {
		a = "(no attributes)"
	}
	var v string
	switch m.Type {
	case "sum", "gauge":
		v = strconv.FormatFloat(p.Value, 'g', 6, 64)
	case "histogram":
		v = fmt.Sprintf("count %d, sum %s%s", p.Count, strconv.FormatFloat(p.Sum, 'g', 4, 64), buckets(p))
	default:
		v = fmt.Sprintf("count %d, sum %s", p.Count, strconv.FormatFloat(p.Sum, 'g', 4, 64))
	}
	for _, e := range p.Exemplars {
		v += fmt.Sprintf("; exemplar %s from span %s", strconv.FormatFloat(e.Value, 'g', 4, 64), e.SpanID)
	}
	return a + " → " + v
}

// buckets lists the non-empty buckets of a histogram point, as
// "(le 0.01: 2, le 0.025: 1, > 0.25: 1)".
func buckets(p Point) string {
	var parts []string
	for i, n := range p.BucketCounts {
		if n == 0 {
			continue
		}
		var bound string
		switch {
		case len(p.Bounds) == 0:
			bound = "all"
		case i < len(p.Bounds):
			bound = "≤ " + strconv.FormatFloat(p.Bounds[i], 'g', -1, 64)
		default:
			bound = "> " + strconv.FormatFloat(p.Bounds[len(p.Bounds)-1], 'g', -1, 64)
		}
		parts = append(parts, fmt.Sprintf("%s: %d", bound, n))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", buckets (" + strings.Join(parts, ", ") + ")"
}

func logRows(d *Data, drawn []*Trace) []LogRow {
	anchors := map[string]bool{}
	for _, t := range drawn {
		for _, r := range t.Rows {
			anchors[r.Span.SpanID] = true
		}
	}
	logs := slices.Clone(d.Logs)
	sort.SliceStable(logs, func(i, j int) bool { return logs[i].Time.Before(logs[j].Time) })
	rows := make([]LogRow, len(logs))
	for i, l := range logs {
		r := LogRow{Severity: l.SeverityText, Body: valuefmt.Format(l.Body), Attrs: inline(l.Attributes)}
		if r.Severity == "" {
			r.Severity = strconv.Itoa(l.SeverityNumber)
		}
		if s, ok := d.SpanByID(l.SpanID); ok && l.SpanID != "" {
			r.Span = fmt.Sprintf("%s (span %s)", s.Name, l.SpanID)
		} else if l.SpanID != "" {
			r.Span = "span " + l.SpanID
		}
		if anchors[l.SpanID] && l.SpanID != "" {
			r.SpanHref = "#span-" + l.SpanID
		}
		rows[i] = r
	}
	return rows
}
