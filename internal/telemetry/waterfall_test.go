package telemetry

import (
	"testing"
	"time"
)

// checkGeometry verifies the laws of a waterfall: bars on the axis, a
// child's bar within its parent's, a span with a duration has a width,
// every event mark inside its bar, rows depth first.
func checkGeometry(t *testing.T, tr *Trace) {
	t.Helper()
	byID := map[string]SpanRow{}
	for i, r := range tr.Rows {
		byID[r.Span.SpanID] = r
		if r.Offset < 0 || r.Offset+r.Width > 100.0001 || r.BarX < 0 || r.BarX+r.BarWidth > 100.0001 {
			t.Errorf("%s: bar %.2f+%.2f (drawn %.2f+%.2f) leaves the axis 0-100", r.Span.Name, r.Offset, r.Width, r.BarX, r.BarWidth)
		}
		if r.Span.End.After(r.Span.Start) && r.Width <= 0 {
			t.Errorf("%s lasts %s but has width %v", r.Span.Name, r.Duration, r.Width)
		}
		if r.BarWidth < MinBar {
			t.Errorf("%s: drawn width %v < MinBar", r.Span.Name, r.BarWidth)
		}
		for _, m := range r.Marks {
			if m.At < r.BarX || m.At > r.BarX+r.BarWidth {
				t.Errorf("%s: event %s at %.2f outside its bar %.2f+%.2f", r.Span.Name, m.Name, m.At, r.BarX, r.BarWidth)
			}
		}
		if i > 0 && r.Depth > tr.Rows[i-1].Depth+1 {
			t.Errorf("%s: depth %d right after depth %d: rows are not depth first", r.Span.Name, r.Depth, tr.Rows[i-1].Depth)
		}
	}
	for _, r := range tr.Rows {
		p, ok := byID[r.Span.ParentSpanID]
		if !ok || r.Depth == 0 {
			continue
		}
		if r.Depth != p.Depth+1 {
			t.Errorf("%s: depth %d under %s at depth %d", r.Span.Name, r.Depth, p.Span.Name, p.Depth)
		}
		// The SDK ends a parent after its children; a bar within its parent's.
		if !r.Span.End.After(p.Span.End) && (r.Offset < p.Offset || r.Offset+r.Width > p.Offset+p.Width+1e-9) {
			t.Errorf("%s (%.2f+%.2f) is not within its parent %s (%.2f+%.2f)", r.Span.Name, r.Offset, r.Width, p.Span.Name, p.Offset, p.Width)
		}
	}
}

// Verify the waterfall of the recorded quickstart run: every drawn span has
// a row, and the geometry holds.
func TestWaterfallQuickstart(t *testing.T) {
	d, err := Load("../match/testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	p := NewPanel(d)
	rows := 0
	for _, tr := range p.Waterfalls {
		checkGeometry(t, tr)
		rows += len(tr.Rows)
	}
	if p.MoreTraces == 0 && rows != p.SpanCount {
		t.Errorf("waterfalls hold %d rows, want %d spans", rows, p.SpanCount)
	}
	if len(p.Raw) == 0 {
		t.Error("panel has no raw OTLP JSON")
	}
}

// Verify that a client span in one process and the server span it caused in
// another read as one waterfall, nested, with both services named; that an
// event lies in its bar; that a zero-length span still shows; and that a
// link to a drawn span points at its row.
func TestWaterfallCrossProcess(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	client := Attrs{"service.name": "client"}
	server := Attrs{"service.name": "server"}
	spans := []Span{
		{Resource: server, TraceID: "t1", SpanID: "s2", ParentSpanID: "c1", Name: "GET /", Kind: "SERVER", Start: at(10), End: at(90),
			Events: []Event{{Name: "late", Time: at(500)}}},
		{Resource: client, TraceID: "t1", SpanID: "c1", Name: "GET", Kind: "CLIENT", Start: at(0), End: at(100)},
		{Resource: server, TraceID: "t1", SpanID: "s3", ParentSpanID: "s2", Name: "noop", Kind: "INTERNAL", Start: at(50), End: at(50),
			Links: []Link{{TraceID: "t1", SpanID: "c1"}}},
	}
	p := NewPanel(&Data{Spans: spans})
	if len(p.Waterfalls) != 1 {
		t.Fatalf("%d waterfalls, want 1 for one trace across two processes", len(p.Waterfalls))
	}
	tr := p.Waterfalls[0]
	checkGeometry(t, tr)
	if got := len(tr.Services); got != 2 {
		t.Errorf("services %v, want client and server", tr.Services)
	}
	want := []struct {
		name  string
		depth int
	}{{"GET", 0}, {"GET /", 1}, {"noop", 2}}
	if len(tr.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tr.Rows), len(want))
	}
	for i, w := range want {
		if r := tr.Rows[i]; r.Span.Name != w.name || r.Depth != w.depth {
			t.Errorf("row %d = %s at depth %d, want %s at %d", i, r.Span.Name, r.Depth, w.name, w.depth)
		}
	}
	if r := tr.Rows[1]; r.Offset != 10 || r.Width != 80 {
		t.Errorf("GET / at %v+%v, want 10+80", r.Offset, r.Width)
	}
	if r := tr.Rows[2]; r.Width != 0 || r.BarWidth != MinBar {
		t.Errorf("zero-length span: width %v, drawn %v; want 0 and MinBar", r.Width, r.BarWidth)
	}
	if l := tr.Rows[2].LinkTargets; len(l) != 1 || l[0].Href != "#span-c1" {
		t.Errorf("link %+v, want one to #span-c1", l)
	}
}

// Verify the charts: histogram buckets scaled to the fullest, a sum
// exported twice drawn as a line, a sum exported once or never changing
// not drawn.
func TestCharts(t *testing.T) {
	t0 := time.Unix(1000, 0)
	h := Metric{Name: "h", Type: "histogram", Points: []Point{{Bounds: []float64{1, 2}, BucketCounts: []uint64{1, 4, 2}}}}
	s1 := Metric{Name: "s", Type: "sum", Points: []Point{{Time: t0, Value: 1}}}
	s2 := Metric{Name: "s", Type: "sum", Points: []Point{{Time: t0.Add(time.Second), Value: 3}}}
	once := Metric{Name: "o", Type: "sum", Points: []Point{{Time: t0, Value: 1}}}
	flat := Metric{Name: "f", Type: "gauge", Points: []Point{{Time: t0, Value: 1}, {Time: t0.Add(time.Second), Value: 1}}}
	ms := []Metric{h, s1, s2, once, flat}
	hc := charts(ms, "", "h")
	if len(hc) != 1 || len(hc[0].Bars) != 3 || hc[0].Bars[1].Height != 40 || hc[0].Bars[0].Height != 10 {
		t.Errorf("histogram chart %+v, want 3 bars, the second full (40), the first a quarter (10)", hc)
	}
	sc := charts(ms, "", "s")
	if len(sc) != 1 || sc[0].Line != "0.00,40.00 100.00,0.00" || sc[0].Min != "1" || sc[0].Max != "3" {
		t.Errorf("sum chart %+v, want a line from bottom left to top right, 1 to 3", sc)
	}
	if oc := charts(ms, "", "o"); len(oc) != 0 {
		t.Errorf("a sum exported once got a chart: %+v", oc)
	}
	if fc := charts(ms, "", "f"); len(fc) != 0 {
		t.Errorf("a gauge that never changed got a chart: %+v", fc)
	}
}
