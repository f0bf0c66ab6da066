package telemetry

import (
	"sort"
	"strconv"
	"strings"
)

// MaxCharts is how many charts one metric gets (one per attribute set).
const MaxCharts = 4

// Chart is a small picture of one metric's series (one attribute set):
// the buckets of a histogram's last point as bars, or the values of a sum
// or gauge exported more than once as a line. Coordinates are in a
// 100 x 40 box (SVG viewBox "0 0 100 40"), y growing downwards.
type Chart struct {
	Label    string // the attribute set
	Bars     []Bar
	Line     string // polyline points "x,y x,y ..."
	Dots     []Dot
	Min, Max string // the values at the bottom and top of a line chart
}

// Bar is one histogram bucket.
type Bar struct {
	X, Y, Width, Height float64
	Label               string // "≤ 0.1: 2"
}

// Dot is one exported value of a line chart.
type Dot struct {
	X, Y  float64
	Label string
}

const chartH = 40

// charts draws the series of metric name in scope: every export of it in
// ms, grouped by attribute set.
func charts(ms []Metric, scope, name string) []Chart {
	type series struct {
		label  string
		points []Point
		typ    string
	}
	var order []string
	byAttrs := map[string]*series{}
	for _, m := range ms {
		if m.Scope != scope || m.Name != name {
			continue
		}
		for _, p := range m.Points {
			key := inline(p.Attributes)
			s, ok := byAttrs[key]
			if !ok {
				s = &series{label: key, typ: m.Type}
				byAttrs[key] = s
				order = append(order, key)
			}
			s.points = append(s.points, p)
		}
	}
	sort.Strings(order)
	var out []Chart
	for _, k := range order {
		s := byAttrs[k]
		var c Chart
		switch s.typ {
		case "histogram":
			c = histogramChart(s.points[len(s.points)-1])
		case "sum", "gauge":
			c = lineChart(s.points)
		}
		if len(c.Bars) == 0 && c.Line == "" {
			continue
		}
		c.Label = s.label
		if c.Label == "" {
			c.Label = "(no attributes)"
		}
		if out = append(out, c); len(out) == MaxCharts {
			break
		}
	}
	return out
}

func histogramChart(p Point) Chart {
	var c Chart
	n := len(p.BucketCounts)
	if n < 2 {
		return c
	}
	var top uint64
	for _, v := range p.BucketCounts {
		top = max(top, v)
	}
	if top == 0 {
		return c
	}
	w := 100 / float64(n)
	for i, v := range p.BucketCounts {
		h := float64(v) / float64(top) * chartH
		bound := "> " + fmtNum(p.Bounds[n-2])
		if i < len(p.Bounds) {
			bound = "≤ " + fmtNum(p.Bounds[i])
		}
		c.Bars = append(c.Bars, Bar{X: float64(i) * w, Y: chartH - h, Width: w * 0.8, Height: h,
			Label: bound + ": " + strconv.FormatUint(v, 10)})
	}
	return c
}

// lineChart draws the values of a sum or gauge in the order of their
// export time; one export, or a value that never changed, gives no chart.
func lineChart(ps []Point) Chart {
	var c Chart
	if len(ps) < 2 {
		return c
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Time.Before(ps[j].Time) })
	lo, hi := ps[0].Value, ps[0].Value
	for _, p := range ps {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	if lo == hi {
		return c
	}
	var pts []string
	for i, p := range ps {
		x := float64(i) / float64(len(ps)-1) * 100
		y := chartH - (p.Value-lo)/(hi-lo)*chartH
		pts = append(pts, fmtCoord(x)+","+fmtCoord(y))
		c.Dots = append(c.Dots, Dot{X: x, Y: y, Label: p.Time.UTC().Format("15:04:05.000") + ": " + fmtNum(p.Value)})
	}
	c.Line = strings.Join(pts, " ")
	c.Min, c.Max = fmtNum(lo), fmtNum(hi)
	return c
}

func fmtNum(v float64) string   { return strconv.FormatFloat(v, 'g', 6, 64) }
func fmtCoord(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// RawDoc is a signal file as it arrived: one OTLP JSON document per line,
// as the Collector's file exporter writes it, so a reader can compare it
// with what their own Collector writes.
type RawDoc struct {
	Name, Text string
}

func rawDocs(files []RawFile) []RawDoc {
	docs := make([]RawDoc, 0, len(files))
	for _, f := range files {
		docs = append(docs, RawDoc{Name: f.Name, Text: strings.TrimSpace(string(f.JSON))})
	}
	return docs
}
