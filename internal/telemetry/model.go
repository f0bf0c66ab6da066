// Package telemetry decodes what the Collector's file exporter wrote (OTLP
// JSON, one document per line) into plain Go values that the verify matcher
// and the site's telemetry panels work on.
//
// Decoding uses the Collector's own pdata unmarshalers, so whatever the
// Collector accepts and writes is read the same way here. Attribute values
// become Go values: string, bool, int64, float64, []byte, []any and
// map[string]any.
//
// OTLP requires the keys of one attribute list to be unique, for resources,
// scopes, spans, events, links, log records and data points alike. pdata
// keeps a duplicate key as it arrived, so decoding checks for them and
// reports a resource that carried one in Data.Invalid.
package telemetry

import "time"

// Attrs is a set of attributes keyed by name.
type Attrs map[string]any

// Data is all telemetry of one run, or of one example after Filter.
type Data struct {
	Spans   []Span
	Metrics []Metric
	Logs    []Log
	// Invalid lists resources that broke a rule of OTLP (unique.go).
	Invalid []Invalid
	// Raw holds the signal files Decode read, as they arrived (complete
	// lines only). Filter leaves it empty: the documents hold every run.
	Raw []RawFile
}

// RawFile is one signal file as the Collector wrote it: OTLP JSON, one
// document per line.
type RawFile struct {
	Name string // traces.json, metrics.json or logs.json
	JSON []byte
}

// Span is one span with its resource and scope.
type Span struct {
	Resource     Attrs
	Scope        string
	ScopeVersion string // the instrumentation scope's version, if any
	TraceID      string // 32 hex digits
	SpanID       string // 16 hex digits
	ParentSpanID string // empty for a root span
	TraceState   string
	Name         string
	Kind         string // INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER (or UNSPECIFIED)
	Start, End   time.Time
	Attributes   Attrs
	StatusCode   string // UNSET, OK, ERROR
	StatusMsg    string
	Events       []Event
	Links        []Link
	// What the SDK dropped to stay within its span limits.
	DroppedAttributes, DroppedEvents, DroppedLinks int
}

// Event is a span event.
type Event struct {
	Name       string
	Time       time.Time
	Attributes Attrs
}

// Link is a span link.
type Link struct {
	TraceID, SpanID string
	Attributes      Attrs
}

// Metric is one metric of one export, with its data points.
type Metric struct {
	Resource    Attrs
	Scope       string
	Name        string
	Description string
	Unit        string
	Type        string // sum, gauge, histogram, exponential_histogram, summary
	Temporality string // delta or cumulative (sum, histogram); empty otherwise
	Monotonic   bool   // sum only
	Points      []Point
}

// Point is one data point. Value is set for sum and gauge points; Count,
// Sum, Bounds and BucketCounts for histograms.
type Point struct {
	Attributes   Attrs
	Time         time.Time
	Value        float64
	IsInt        bool
	Count        uint64
	Sum          float64
	Bounds       []float64
	BucketCounts []uint64
	Exemplars    []Exemplar
}

// Exemplar is a sampled measurement, pointing at the span that was active.
type Exemplar struct {
	Value           float64
	TraceID, SpanID string
}

// Log is one log record with its resource and scope.
type Log struct {
	Resource       Attrs
	Scope          string
	Time           time.Time
	SeverityNumber int
	SeverityText   string
	Body           any
	Attributes     Attrs
	TraceID        string
	SpanID         string
	TraceFlags     int // W3C trace flags: 1 sampled
	EventName      string
}

// Filter returns the telemetry whose resource satisfies keep.
func (d *Data) Filter(keep func(Attrs) bool) *Data {
	out := &Data{}
	for _, s := range d.Spans {
		if keep(s.Resource) {
			out.Spans = append(out.Spans, s)
		}
	}
	for _, m := range d.Metrics {
		if keep(m.Resource) {
			out.Metrics = append(out.Metrics, m)
		}
	}
	for _, l := range d.Logs {
		if keep(l.Resource) {
			out.Logs = append(out.Logs, l)
		}
	}
	for _, p := range d.Invalid {
		if keep(p.Resource) {
			out.Invalid = append(out.Invalid, p)
		}
	}
	return out
}

// SpanByID returns the span with the given id.
func (d *Data) SpanByID(id string) (Span, bool) {
	for _, s := range d.Spans {
		if s.SpanID == id {
			return s, true
		}
	}
	return Span{}, false
}
