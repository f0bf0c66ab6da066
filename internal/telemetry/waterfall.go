package telemetry

import (
	"time"
)

// MinBar is the narrowest bar drawn, in percent of the trace: a span of a
// few microseconds in a trace of seconds still shows.
const MinBar = 0.5

// MaxIndent is the deepest indentation the theme draws; deeper spans line
// up with it.
const MaxIndent = 8

// Trace is one trace drawn as a waterfall: one row per span, depth first,
// each a bar on the trace's time axis. Spans from several processes (a
// client and the server it called) share one trace id and so one waterfall.
type Trace struct {
	ID       string
	Duration string // from the first start to the last end
	Services []string
	Rows     []SpanRow
}

// SpanRow is a span of a waterfall. Offset and Width place its bar, in
// percent of the trace's duration; BarX and BarWidth are what is drawn (at
// least MinBar wide, kept inside the axis). Geometry is computed here, so
// the theme only draws.
type SpanRow struct {
	*SpanNode
	Depth           int
	Indent          int    // Depth, at most MaxIndent: the theme's indent class
	Anchor          string // id of the row: "span-" + span id
	Service         string // service.name of the span's resource, when the trace crosses processes
	Offset, Width   float64
	BarX, BarWidth  float64
	Marks           []Mark
	LinkTargets     []LinkRow
	StartFromOrigin string // "+1.2 ms": the span's start from the trace's start
}

// Mark is a span event on its bar, At in percent of the trace.
type Mark struct {
	At   float64
	Name string
}

// LinkRow is a span link; Href is "#span-<id>" when the linked span is
// drawn in the same panel.
type LinkRow struct {
	Text, Href string
}

// waterfalls groups the trees by trace id, in order of their first span,
// and lays out each trace.
func waterfalls(roots []*SpanNode) []*Trace {
	var traces []*Trace
	byID := map[string][]*SpanNode{}
	for _, r := range roots {
		id := r.Span.TraceID
		if _, ok := byID[id]; !ok {
			traces = append(traces, &Trace{ID: id})
		}
		byID[id] = append(byID[id], r)
	}
	drawn := map[string]bool{}
	for _, r := range roots {
		walkNodes(r, 0, func(n *SpanNode, _ int) { drawn[n.Span.SpanID] = true })
	}
	for _, t := range traces {
		layout(t, byID[t.ID], drawn)
	}
	return traces
}

func walkNodes(n *SpanNode, depth int, fn func(*SpanNode, int)) {
	fn(n, depth)
	for _, c := range n.Children {
		walkNodes(c, depth+1, fn)
	}
}

// layout computes the rows of trace t from its root spans.
func layout(t *Trace, roots []*SpanNode, drawn map[string]bool) {
	var start, end time.Time
	for _, r := range roots {
		walkNodes(r, 0, func(n *SpanNode, _ int) {
			if start.IsZero() || n.Span.Start.Before(start) {
				start = n.Span.Start
			}
			if n.Span.End.After(end) {
				end = n.Span.End
			}
		})
	}
	total := end.Sub(start)
	t.Duration = duration(total)
	pct := func(at time.Time) float64 {
		if total <= 0 {
			return 0
		}
		return clamp(float64(at.Sub(start))/float64(total)*100, 0, 100)
	}
	services := map[string]bool{}
	for _, r := range roots {
		walkNodes(r, 0, func(n *SpanNode, depth int) {
			s := n.Span
			row := SpanRow{SpanNode: n, Depth: depth, Indent: min(depth, MaxIndent), Anchor: "span-" + s.SpanID,
				StartFromOrigin: "+" + duration(s.Start.Sub(start))}
			row.Service, _ = s.Resource["service.name"].(string)
			if row.Service != "" && !services[row.Service] {
				services[row.Service] = true
				t.Services = append(t.Services, row.Service)
			}
			row.Offset = pct(s.Start)
			row.Width = max(pct(s.End)-row.Offset, 0)
			row.BarWidth = max(row.Width, MinBar)
			row.BarX = min(row.Offset, 100-row.BarWidth)
			for _, e := range s.Events {
				at := e.Time
				if at.Before(s.Start) {
					at = s.Start
				}
				if at.After(s.End) {
					at = s.End
				}
				row.Marks = append(row.Marks, Mark{At: clamp(pct(at), row.BarX, row.BarX+row.BarWidth), Name: e.Name})
			}
			for i, l := range s.Links {
				lr := LinkRow{Text: n.Links[i]}
				if drawn[l.SpanID] {
					lr.Href = "#span-" + l.SpanID
				}
				row.LinkTargets = append(row.LinkTargets, lr)
			}
			t.Rows = append(t.Rows, row)
		})
	}
	if len(t.Services) < 2 {
		for i := range t.Rows {
			t.Rows[i].Service = "" // one process: its name would repeat on every row
		}
	}
}

func clamp(v, lo, hi float64) float64 { return max(lo, min(v, hi)) }
