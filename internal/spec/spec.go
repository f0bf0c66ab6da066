// Package spec parses examples/<id>/verify.yaml: what an example needs, how
// it runs, and what telemetry must arrive. The language is documented, with
// examples, in the package doc of oteldocs.dev/internal/verify.
package spec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"oteldocs.dev/internal/service"
)

// Services an example may need.
var knownServices = service.Known() // the registry, oteldocs.dev/internal/service

// Spec is one verify.yaml: its first YAML document is the example's main
// case; each further document (after a "---" line) is an extra case with a
// name, run the same way, such as the same program given a wrong token.
type Spec struct {
	Path      string    `yaml:"-"` // the file, for messages
	Line      int       `yaml:"-"` // where this case's document starts
	Case      string    `yaml:"case"`
	Needs     []string  `yaml:"needs"`
	Collector Collector `yaml:"collector"`
	Run       Run       `yaml:"run"`
	Expect    Expect    `yaml:"expect"`
	Cases     []*Spec   `yaml:"-"` // extra cases, on the main case only
}

// Collector asks for a Collector of its own, configured for this case,
// instead of the shared one.
type Collector struct {
	// TLS makes both receivers serve TLS with a certificate from a CA made
	// for the run; the example gets the CA file in
	// OTEL_EXPORTER_OTLP_CERTIFICATE and an https endpoint.
	TLS bool `yaml:"tls"`
	// BearerToken makes both receivers refuse requests without the header
	// "Authorization: Bearer <token>".
	BearerToken string `yaml:"bearer_token"`
	// HTTPFaults puts a proxy of verify's own in front of the OTLP/HTTP
	// receiver, which answers badly on purpose: to show retry and timeouts.
	HTTPFaults *Faults `yaml:"http_faults"`
	// GRPCFaults does the same in front of the OTLP/gRPC receiver (wire.go).
	GRPCFaults *GRPCFaults `yaml:"grpc_faults"`
}

// Faults says how the proxy in front of the Collector misbehaves.
type Faults struct {
	Line int `yaml:"-"`
	// Status is the answer to the first Count requests of each path (e.g.
	// 503), with a Retry-After header of RetryAfter seconds when that is
	// set. Later requests are forwarded to the Collector.
	Status     int `yaml:"status"`
	Count      int `yaml:"count"`
	RetryAfter int `yaml:"retry_after"`
	// Delay holds every request this long before answering it; a client
	// that gives up first has its request dropped, not forwarded.
	Delay Duration `yaml:"delay"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (f *Faults) UnmarshalYAML(n *yaml.Node) error {
	type plain Faults
	f.Line = n.Line
	return decodeStrict(n, (*plain)(f))
}

// Dedicated reports whether the case needs a Collector of its own.
func (c Collector) Dedicated() bool { return c.TLS || c.BearerToken != "" }

// Run says how the example runs.
type Run struct {
	Args []string          `yaml:"args"`
	Env  map[string]string `yaml:"env"`
	// EnvLines is the line of each key of Env, for messages.
	EnvLines map[string]int `yaml:"-"`
	// Protocol selects the OTLP endpoint verify gives: "http/protobuf"
	// (default) or "grpc". It is also passed as OTEL_EXPORTER_OTLP_PROTOCOL.
	Protocol string   `yaml:"protocol"`
	Timeout  Duration `yaml:"timeout"` // for the program; default 60s
	Wait     Duration `yaml:"wait"`    // for telemetry after exit; default 15s
	// ExitCode is the exit status the program must end with (default 0),
	// for cases that show a failure, such as a refused export.
	ExitCode int `yaml:"exit_code"`
	// Output lists matchers that what the program printed (stdout and
	// stderr together) must each satisfy, e.g. {pattern: "Unauthenticated"}.
	Output []*Value `yaml:"output"`
	// Serve runs the program as a server that serves until it is
	// interrupted (serve.go).
	Serve *Serve `yaml:"serve"`
}

// Duration is a time.Duration written as "30s" in YAML.
type Duration struct{ time.Duration }

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil || v <= 0 {
		return posErr(n, "want a positive duration such as 30s, got %q", n.Value)
	}
	d.Duration = v
	return nil
}

// Expect is what must arrive.
type Expect struct {
	// NoTelemetry: nothing at all may arrive (checked once the program's
	// output has settled), e.g. when the Collector refuses the export.
	NoTelemetry bool              `yaml:"no_telemetry"`
	Resource    map[string]*Value `yaml:"resource"`
	Spans       []*SpanExp        `yaml:"spans"`
	Metrics     []*MetricExp      `yaml:"metrics"`
	Logs        []*LogExp         `yaml:"logs"`
	// Requests is what verify's proxy saw on the wire (wire.go).
	Requests []*RequestExp `yaml:"requests"`
}

// SpanExp expects one span.
type SpanExp struct {
	Line       int               `yaml:"-"`
	ID         string            `yaml:"id"`     // a name other expectations refer to
	Name       *Value            `yaml:"name"`   // span name
	Kind       string            `yaml:"kind"`   // SERVER, CLIENT, ...
	Status     *Value            `yaml:"status"` // UNSET, OK, ERROR
	StatusMsg  *Value            `yaml:"status_message"`
	Scope      *Value            `yaml:"scope"`
	Attributes map[string]*Value `yaml:"attributes"`
	Parent     string            `yaml:"parent"`     // id of the expected parent span
	Root       bool              `yaml:"root"`       // has no parent
	SameTrace  string            `yaml:"same_trace"` // id of a span in the same trace
	Events     []*EventExp       `yaml:"events"`
	Links      []*LinkExp        `yaml:"links"`
	TraceState *Value            `yaml:"trace_state"` // W3C tracestate, e.g. "shop=canary"
	// What the SDK dropped to stay within its span limits, e.g. 3 or {gte: 1}.
	DroppedAttributes *Value `yaml:"dropped_attributes_count"`
	DroppedEvents     *Value `yaml:"dropped_events_count"`
	DroppedLinks      *Value `yaml:"dropped_links_count"`
	// Absent turns the expectation around: no span may match it.
	Absent bool `yaml:"absent"`
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
	Type        string      `yaml:"type"` // sum, gauge, histogram, exponential_histogram, summary
	Unit        *Value      `yaml:"unit"`
	Temporality string      `yaml:"temporality"` // delta, cumulative
	Monotonic   *bool       `yaml:"monotonic"`
	Bounds      []float64   `yaml:"bounds"` // explicit histogram bucket boundaries
	Points      []*PointExp `yaml:"points"`
	// Absent turns the expectation around: no metric may match it.
	Absent bool `yaml:"absent"`
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
	// Absent turns the expectation around: no log record may match it.
	Absent bool `yaml:"absent"`
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
func (r *Run) UnmarshalYAML(n *yaml.Node) error {
	type plain Run
	if err := decodeStrict(n, (*plain)(r)); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "serve" && r.Serve != nil {
			r.Serve.Line = n.Content[i].Line // the key's line, not its first field's
		}
		if env := n.Content[i+1]; n.Content[i].Value == "env" && env.Kind == yaml.MappingNode {
			r.EnvLines = map[string]int{}
			for j := 0; j+1 < len(env.Content); j += 2 {
				r.EnvLines[env.Content[j].Value] = env.Content[j].Line
			}
		}
	}
	return nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (e *Expect) UnmarshalYAML(n *yaml.Node) error {
	type plain Expect
	return decodeStrict(n, (*plain)(e))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (c *Collector) UnmarshalYAML(n *yaml.Node) error {
	type plain Collector
	return decodeStrict(n, (*plain)(c))
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

// NeedsService reports whether the spec lists the service name in needs.
func (s *Spec) NeedsService(name string) bool {
	for _, n := range s.Needs {
		if n == name {
			return true
		}
	}
	return false
}

// Parse reads and checks a verify.yaml.
func Parse(path string) (*Spec, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseBytes(path, b)
}

// ParseBytes parses the contents of a verify.yaml named path.
func ParseBytes(path string, b []byte) (*Spec, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var main *Spec
	var errs []error
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s", prefixLine(path, err))
		}
		s := &Spec{Path: path, Line: 1}
		if len(n.Content) > 0 {
			s.Line = n.Content[0].Line
			if err := decodeStrict(n.Content[0], s); err != nil {
				return nil, fmt.Errorf("%s", prefixLine(path, err))
			}
		}
		if main == nil {
			main = s
			if s.Case != "" {
				errs = append(errs, fmt.Errorf("%s:%d: case: the first document is the main case and has no name", path, s.Line))
			}
		} else {
			if s.Case == "" {
				errs = append(errs, fmt.Errorf("%s:%d: each document after the first needs a case name", path, s.Line))
			}
			main.Cases = append(main.Cases, s)
		}
		if err := s.check(); err != nil {
			errs = append(errs, err)
		}
	}
	if main == nil {
		return nil, fmt.Errorf("%s: empty", path)
	}
	seen := map[string]bool{}
	for _, c := range main.Cases {
		if seen[c.Case] {
			errs = append(errs, fmt.Errorf("%s:%d: duplicate case %q", path, c.Line, c.Case))
		}
		seen[c.Case] = true
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return main, nil
}

var kinds = map[string]bool{"INTERNAL": true, "SERVER": true, "CLIENT": true, "PRODUCER": true, "CONSUMER": true}
var metricTypes = map[string]bool{"sum": true, "gauge": true, "histogram": true, "exponential_histogram": true, "summary": true}

func (s *Spec) check() error {
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", s.Path, line, fmt.Sprintf(format, args...)))
	}
	for _, n := range s.Needs {
		if !knownServices[n] {
			bad(s.Line, "needs: unknown service %q (known: %s)", n, strings.Join(service.Names(), ", "))
		}
	}
	switch s.Run.Protocol {
	case "", "http/protobuf", "grpc":
	default:
		bad(s.Line, "run.protocol: want http/protobuf or grpc, got %q", s.Run.Protocol)
	}
	if s.Expect.NoTelemetry && len(s.Expect.Spans)+len(s.Expect.Metrics)+len(s.Expect.Logs)+len(s.Expect.Resource) > 0 {
		bad(s.Line, "expect: no_telemetry excludes every other expectation")
	}
	s.checkWire(bad)
	s.checkServe(bad)
	if hasNil(s.Run.Output) {
		bad(s.Line, "run.output: an empty list item")
		return errors.Join(errs...)
	}
	if hasNil(s.Expect.Spans) || hasNil(s.Expect.Metrics) || hasNil(s.Expect.Logs) {
		bad(1, "expect: an empty list item (a lone '-'); remove it or give it fields")
		return errors.Join(errs...)
	}
	for _, sp := range s.Expect.Spans {
		if hasNil(sp.Events) || hasNil(sp.Links) {
			bad(sp.Line, "events or links: an empty list item")
			return errors.Join(errs...)
		}
	}
	for _, m := range s.Expect.Metrics {
		if hasNil(m.Points) {
			bad(m.Line, "points: an empty list item")
			return errors.Join(errs...)
		}
	}
	maps := []map[string]*Value{s.Expect.Resource}
	for _, sp := range s.Expect.Spans {
		maps = append(maps, sp.Attributes)
		for _, e := range sp.Events {
			maps = append(maps, e.Attributes)
		}
		for _, l := range sp.Links {
			maps = append(maps, l.Attributes)
		}
	}
	for _, m := range s.Expect.Metrics {
		for _, p := range m.Points {
			maps = append(maps, p.Attributes)
		}
	}
	for _, l := range s.Expect.Logs {
		maps = append(maps, l.Attributes)
	}
	for _, m := range maps {
		for k, v := range m {
			if v == nil {
				bad(1, "attribute %q has no value: write {present: true} or {absent: true} if that is what you mean", k)
				return errors.Join(errs...)
			}
		}
	}
	ids := map[string]bool{}
	for _, sp := range s.Expect.Spans {
		if sp.Kind != "" && !kinds[sp.Kind] {
			bad(sp.Line, "kind: want one of INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER, got %q", sp.Kind)
		}
		// References must point at spans listed before this one: the
		// matcher assigns spans in order.
		for _, ref := range []string{sp.Parent, sp.SameTrace} {
			if ref != "" && !ids[ref] {
				bad(sp.Line, "span %q is not defined above this one", ref)
			}
		}
		for _, l := range sp.Links {
			if l.Span != "" && !ids[l.Span] {
				bad(sp.Line, "links: span %q is not defined above this one", l.Span)
			}
		}
		if sp.ID != "" {
			if ids[sp.ID] {
				bad(sp.Line, "duplicate span id %q", sp.ID)
			}
			ids[sp.ID] = true
		}
		if sp.Absent && sp.ID != "" {
			bad(sp.Line, "an absent span cannot have an id: nothing can refer to it")
		}
		if sp.Root && sp.Parent != "" {
			bad(sp.Line, "root and parent exclude each other")
		}
	}
	for _, m := range s.Expect.Metrics {
		if m.Name == nil {
			bad(m.Line, "a metric expectation needs a name")
		}
		if m.Type != "" && !metricTypes[m.Type] {
			bad(m.Line, "type: want sum, gauge, histogram, exponential_histogram or summary, got %q", m.Type)
		}
		if m.Temporality != "" && m.Temporality != "delta" && m.Temporality != "cumulative" {
			bad(m.Line, "temporality: want delta or cumulative, got %q", m.Temporality)
		}
		for _, p := range m.Points {
			if p.Exemplar != "" && !ids[p.Exemplar] {
				bad(m.Line, "exemplar_span: span %q is not defined", p.Exemplar)
			}
		}
	}
	for _, l := range s.Expect.Logs {
		if l.Span != "" && !ids[l.Span] {
			bad(l.Line, "span %q is not defined", l.Span)
		}
	}
	return errors.Join(errs...)
}

// hasNil reports whether a YAML list held an empty item.
func hasNil[T any](list []*T) bool {
	for _, x := range list {
		if x == nil {
			return true
		}
	}
	return false
}

// decodeStrict decodes n into v (a pointer to a struct), rejecting mapping
// keys that v has no field for. Node.Decode ignores KnownFields, so nested
// expectations check their keys here, keeping the original line numbers.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		allowed := yamlKeys(reflect.TypeOf(v).Elem())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !allowed[k.Value] {
				return posErr(k, "unknown field %q (known: %s)", k.Value, strings.Join(sortedKeys(allowed), ", "))
			}
		}
	}
	return n.Decode(v)
}

// yamlKeys lists the yaml keys of a struct type, following inline fields.
func yamlKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-":
		case strings.Contains(opts, "inline"):
			for k := range yamlKeys(f.Type) {
				keys[k] = true
			}
		case name != "":
			keys[name] = true
		case f.IsExported():
			keys[strings.ToLower(f.Name)] = true
		}
	}
	return keys
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lineErr carries a line number through yaml's own error wrapping.
type lineErr struct {
	line int
	msg  string
}

func (e *lineErr) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func posErr(n *yaml.Node, format string, args ...any) error {
	return &lineErr{n.Line, fmt.Sprintf(format, args...)}
}

var yamlLine = regexp.MustCompile(`line (\d+): `)

// prefixLine turns yaml's "yaml: unmarshal errors:\n  line 3: ..." into
// "path:3: ..." lines.
func prefixLine(path string, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	var out []string
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if m := yamlLine.FindStringSubmatchIndex(l); m != nil && m[0] == 0 {
			l = path + ":" + l[m[2]:m[3]] + ": " + l[m[1]:]
		} else {
			l = path + ": " + l
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
