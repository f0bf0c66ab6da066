package spec

import "go.yaml.in/yaml/v3"

// SpanExp expects one span.
type SpanExp struct {
	Line      int    `yaml:"-"`
	ID        string `yaml:"id"`     // a name other expectations refer to
	Name      *Value `yaml:"name"`   // span name
	Kind      *Value `yaml:"kind"`   // SERVER, CLIENT, ..., or {one_of: [...]}
	Status    *Value `yaml:"status"` // UNSET, OK, ERROR
	StatusMsg *Value `yaml:"status_message"`
	Scope     *Value `yaml:"scope"`
	// ScopeVersion is the version of the instrumentation scope, as a
	// library gives it with trace.WithInstrumentationVersion.
	ScopeVersion *Value            `yaml:"scope_version"`
	Attributes   map[string]*Value `yaml:"attributes"`
	Parent       string            `yaml:"parent"`     // id of the expected parent span
	Root         bool              `yaml:"root"`       // has no parent
	SameTrace    string            `yaml:"same_trace"` // id of a span in the same trace
	Events       []*EventExp       `yaml:"events"`
	Links        []*LinkExp        `yaml:"links"`
	TraceState   *Value            `yaml:"trace_state"` // W3C tracestate, e.g. "shop=canary"
	// TraceID and ParentSpanID match the ids as hex, e.g. of a parent that
	// came from another process in a traceparent header.
	TraceID      *Value `yaml:"trace_id"`
	ParentSpanID *Value `yaml:"parent_span_id"`
	// What the SDK dropped to stay within its span limits, e.g. 3 or {gte: 1}.
	DroppedAttributes *Value `yaml:"dropped_attributes_count"`
	DroppedEvents     *Value `yaml:"dropped_events_count"`
	DroppedLinks      *Value `yaml:"dropped_links_count"`
	// Absent turns the expectation around: no span may match it.
	Absent bool `yaml:"absent"`
	// Count, when set, counts the spans that match instead of finding one
	// (count.go): e.g. 3 or {lte: 1}.
	Count *Value `yaml:"count"`
}

// EventExp expects a span event.
type EventExp struct {
	Name       *Value            `yaml:"name"`
	Attributes map[string]*Value `yaml:"attributes"`
}

// LinkExp expects a span link.
type LinkExp struct {
	Span       string            `yaml:"span"` // id of the linked span
	Attributes map[string]*Value `yaml:"attributes"`
}

// MetricExp expects a metric.
type MetricExp struct {
	Line        int         `yaml:"-"`
	Name        *Value      `yaml:"name"`
	Type        *Value      `yaml:"type"` // sum, gauge, histogram, exponential_histogram, summary
	Unit        *Value      `yaml:"unit"`
	Temporality *Value      `yaml:"temporality"` // delta, cumulative
	Monotonic   *bool       `yaml:"monotonic"`
	Bounds      []float64   `yaml:"bounds"` // explicit histogram bucket boundaries
	Points      []*PointExp `yaml:"points"`
	// Absent turns the expectation around: no metric may match it.
	Absent bool `yaml:"absent"`
	// Count, when set, counts the metrics that match (count.go).
	Count *Value `yaml:"count"`
}

// PointExp expects one data point of a metric.
type PointExp struct {
	Attributes map[string]*Value `yaml:"attributes"`
	Value      *Value            `yaml:"value"` // sum and gauge
	Count      *Value            `yaml:"count"` // histogram
	Sum        *Value            `yaml:"sum"`   // histogram
	Exemplar   string            `yaml:"exemplar_span"`
}

// LogExp expects a log record.
type LogExp struct {
	Line       int               `yaml:"-"`
	Body       *Value            `yaml:"body"`
	Severity   *Value            `yaml:"severity"`        // severity text, e.g. INFO
	SeverityN  *Value            `yaml:"severity_number"` // e.g. {gte: 9}
	Attributes map[string]*Value `yaml:"attributes"`
	Span       string            `yaml:"span"` // id of the span it must be correlated with
	Scope      *Value            `yaml:"scope"`
	TraceID    *Value            `yaml:"trace_id"` // e.g. {absent: true}: not correlated
	SpanID     *Value            `yaml:"span_id"`
	// TraceFlags are the W3C trace flags the record carries: 1 when its
	// span was sampled, 0 when not.
	TraceFlags *Value `yaml:"trace_flags"`
	// Absent turns the expectation around: no log record may match it.
	Absent bool `yaml:"absent"`
	// Count, when set, counts the log records that match (count.go).
	Count *Value `yaml:"count"`
}

// The three expectation kinds record their line in UnmarshalYAML.
func (s *SpanExp) UnmarshalYAML(n *yaml.Node) error {
	type plain SpanExp
	s.Line = n.Line
	return decodeStrict(n, (*plain)(s))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *MetricExp) UnmarshalYAML(n *yaml.Node) error {
	type plain MetricExp
	m.Line = n.Line
	return decodeStrict(n, (*plain)(m))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *LogExp) UnmarshalYAML(n *yaml.Node) error {
	type plain LogExp
	l.Line = n.Line
	return decodeStrict(n, (*plain)(l))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (e *EventExp) UnmarshalYAML(n *yaml.Node) error {
	type plain EventExp
	return decodeStrict(n, (*plain)(e))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *LinkExp) UnmarshalYAML(n *yaml.Node) error {
	type plain LinkExp
	return decodeStrict(n, (*plain)(l))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (p *PointExp) UnmarshalYAML(n *yaml.Node) error {
	type plain PointExp
	return decodeStrict(n, (*plain)(p))
}
