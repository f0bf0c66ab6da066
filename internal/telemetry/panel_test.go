package telemetry

import (
	"strings"
	"testing"
)

// Verify the panel's data of the recorded quickstart run: traces as trees
// in start order, the last export of each metric, logs correlated with
// their span, and no resource attribute verify added. (The theme's drawing
// of it is tested in package docgen.)
func TestNewPanel(t *testing.T) {
	d, err := Load("../match/testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	p := NewPanel(d)
	if p.SpanCount != len(d.Spans) || p.SpanCount == 0 {
		t.Errorf("SpanCount = %d, want %d (> 0)", p.SpanCount, len(d.Spans))
	}
	if p.TraceCount != len(p.Traces)+p.MoreTraces {
		t.Errorf("TraceCount = %d, want %d + %d", p.TraceCount, len(p.Traces), p.MoreTraces)
	}
	nodes := 0
	var walk func([]*SpanNode)
	walk = func(ns []*SpanNode) {
		for i, n := range ns {
			nodes++
			if i > 0 && n.Span.Start.Before(ns[i-1].Span.Start) {
				t.Errorf("span %s starts before its previous sibling %s", n.Span.Name, ns[i-1].Span.Name)
			}
			for _, c := range n.Children {
				if c.Span.ParentSpanID != n.Span.SpanID {
					t.Errorf("span %s is under %s, not its parent", c.Span.Name, n.Span.Name)
				}
			}
			walk(n.Children)
		}
	}
	walk(p.Traces)
	if p.MoreTraces == 0 && nodes != p.SpanCount {
		t.Errorf("the trees hold %d spans, want %d", nodes, p.SpanCount)
	}
	names := map[string]bool{}
	for i, m := range p.Metrics {
		if i > 0 && m.Name < p.Metrics[i-1].Name {
			t.Errorf("metric %s after %s: want them sorted by name", m.Name, p.Metrics[i-1].Name)
		}
		names[m.Name] = true
	}
	if !names["http.server.request.duration"] {
		t.Errorf("no http.server.request.duration in %v", names)
	}
	found := false
	for _, l := range p.Logs {
		if strings.Contains(l.Body, "user found") && strings.Contains(l.Span, "(span ") {
			found = true
		}
	}
	if !found {
		t.Errorf("no log \"user found\" correlated with a span in %+v", p.Logs)
	}
	for _, r := range p.Resource {
		if HiddenKeys[r.Key] {
			t.Errorf("panel shows verify's %s", r.Key)
		}
	}
}

func TestNewPanelEmpty(t *testing.T) {
	p := NewPanel(&Data{})
	if len(p.Traces)+len(p.Metrics)+len(p.Logs)+len(p.Resource) != 0 {
		t.Errorf("NewPanel of no data = %+v, want an empty panel", p)
	}
}

func TestDecodeErrors(t *testing.T) {
	if _, err := Decode([]byte("{not json}\n"), nil, nil); err == nil || !strings.HasPrefix(err.Error(), "traces.json:1:") {
		t.Errorf("err = %v, want one starting with traces.json:1:", err)
	}
	// A last line still being written is left for later, not an error.
	d, err := Decode([]byte(`{"resourceSpans":[`), nil, nil)
	if err != nil || len(d.Spans) != 0 {
		t.Errorf("partial line: %v, %d spans", err, len(d.Spans))
	}
}

func TestBuckets(t *testing.T) {
	for _, tt := range []struct {
		p    Point
		want string
	}{
		{Point{Bounds: []float64{1, 5}, BucketCounts: []uint64{0, 2, 1}}, ", buckets (≤ 5: 2, > 5: 1)"},
		{Point{BucketCounts: []uint64{3}}, ", buckets (all: 3)"},
		{Point{Bounds: []float64{1}, BucketCounts: []uint64{0, 0}}, ""},
	} {
		if got := buckets(tt.p); got != tt.want {
			t.Errorf("buckets(%v) = %q, want %q", tt.p.BucketCounts, got, tt.want)
		}
	}
}
