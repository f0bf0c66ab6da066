package telemetry

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Signal files written by the Collector's file exporter, one per signal.
const (
	TracesFile  = "traces.json"
	MetricsFile = "metrics.json"
	LogsFile    = "logs.json"
)

// Load decodes the three signal files in dir. Missing files count as empty.
func Load(dir string) (*Data, error) { return LoadFS(os.DirFS(dir)) }

// Decode decodes OTLP JSON lines of each signal. An attribute key held twice
// in one list is invalid OTLP: it lands in d.Invalid with the resource that
// sent it (unique.go). A line that does not decode is an error naming the
// signal and line number, except a last line without
// its newline: the exporter may be writing it, and it is left for later.
func Decode(traces, metrics, logs []byte) (*Data, error) {
	d := &Data{}
	err := EachLine(TracesFile, traces, func(n int, b []byte) error {
		t, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(b)
		if err == nil {
			d.addTraces(t)
			d.invalid("traces", n, invalidTraces(t))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = EachLine(MetricsFile, metrics, func(n int, b []byte) error {
		m, err := (&pmetric.JSONUnmarshaler{}).UnmarshalMetrics(b)
		if err == nil {
			d.addMetrics(m)
			d.invalid("metrics", n, invalidMetrics(m))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = EachLine(LogsFile, logs, func(n int, b []byte) error {
		l, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(b)
		if err == nil {
			d.addLogs(l)
			d.invalid("logs", n, invalidLogs(l))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []RawFile{{TracesFile, traces}, {MetricsFile, metrics}, {LogsFile, logs}} {
		if f.JSON = Complete(f.JSON); len(bytes.TrimSpace(f.JSON)) > 0 {
			d.Raw = append(d.Raw, f)
		}
	}
	return d, nil
}

// invalid records the problems found in one line of a signal file.
func (d *Data) invalid(signal string, line int, problems []Invalid) {
	for _, p := range problems {
		p.Err = fmt.Sprintf("%s.json:%d: %s", signal, line, p.Err)
		d.Invalid = append(d.Invalid, p)
	}
}

// EachLine calls fn with each complete, non-empty line of b, the content
// of a file the Collector's file exporter writes (one OTLP JSON document per
// line), and the line's number. The last line is complete only with its
// newline: without it the exporter is still writing it, so it is skipped,
// not an error, and read on the next call. An error from fn stops the
// reading and comes back as "file:line: error".
func EachLine(file string, b []byte, fn func(line int, doc []byte) error) error {
	b = Complete(b)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// Complete returns the complete lines of what the Collector's file exporter
// wrote: a last line without its newline is still being written, and is
// left out. Every reader of those files goes through it.
func Complete(b []byte) []byte { return b[:bytes.LastIndexByte(b, '\n')+1] }

func (d *Data) addTraces(t ptrace.Traces) {
	for _, rs := range t.ResourceSpans().All() {
		res := Attrs(rs.Resource().Attributes().AsRaw())
		for _, ss := range rs.ScopeSpans().All() {
			scope := ss.Scope().Name()
			for _, s := range ss.Spans().All() {
				sp := decodeSpan(res, scope, s)
				sp.ScopeVersion = ss.Scope().Version()
				d.Spans = append(d.Spans, sp)
			}
		}
	}
}

func decodeSpan(res Attrs, scope string, s ptrace.Span) Span {
	sp := Span{
		Resource:   res,
		Scope:      scope,
		TraceID:    s.TraceID().String(),
		SpanID:     s.SpanID().String(),
		TraceState: s.TraceState().AsRaw(),
		Name:       s.Name(),
		Kind:       kindName(s.Kind()),
		Start:      s.StartTimestamp().AsTime(),
		End:        s.EndTimestamp().AsTime(),
		Attributes: Attrs(s.Attributes().AsRaw()),
		StatusCode: statusName(s.Status().Code()),
		StatusMsg:  s.Status().Message(),

		DroppedAttributes: int(s.DroppedAttributesCount()),
		DroppedEvents:     int(s.DroppedEventsCount()),
		DroppedLinks:      int(s.DroppedLinksCount()),
	}
	sp.ParentSpanID = idString(s.ParentSpanID())
	for _, e := range s.Events().All() {
		sp.Events = append(sp.Events, Event{Name: e.Name(), Time: e.Timestamp().AsTime(), Attributes: Attrs(e.Attributes().AsRaw())})
	}
	for _, l := range s.Links().All() {
		sp.Links = append(sp.Links, Link{TraceID: l.TraceID().String(), SpanID: l.SpanID().String(), Attributes: Attrs(l.Attributes().AsRaw())})
	}
	return sp
}

func kindName(k ptrace.SpanKind) string {
	switch k {
	case ptrace.SpanKindInternal:
		return "INTERNAL"
	case ptrace.SpanKindServer:
		return "SERVER"
	case ptrace.SpanKindClient:
		return "CLIENT"
	case ptrace.SpanKindProducer:
		return "PRODUCER"
	case ptrace.SpanKindConsumer:
		return "CONSUMER"
	}
	return "UNSPECIFIED"
}

func statusName(c ptrace.StatusCode) string {
	switch c {
	case ptrace.StatusCodeOk:
		return "OK"
	case ptrace.StatusCodeError:
		return "ERROR"
	}
	return "UNSET"
}

func (d *Data) addLogs(l plog.Logs) {
	for _, rl := range l.ResourceLogs().All() {
		res := Attrs(rl.Resource().Attributes().AsRaw())
		for _, sl := range rl.ScopeLogs().All() {
			scope := sl.Scope().Name()
			for _, r := range sl.LogRecords().All() {
				lg := Log{
					Resource:       res,
					Scope:          scope,
					Time:           r.Timestamp().AsTime(),
					SeverityNumber: int(r.SeverityNumber()),
					SeverityText:   r.SeverityText(),
					Body:           r.Body().AsRaw(),
					Attributes:     Attrs(r.Attributes().AsRaw()),
					EventName:      r.EventName(),
				}
				lg.TraceID = idString(r.TraceID())
				lg.SpanID = idString(r.SpanID())
				lg.TraceFlags = int(r.Flags())
				d.Logs = append(d.Logs, lg)
			}
		}
	}
}

// idString renders an id, or "" when it is all zeros.
func idString[T interface {
	IsEmpty() bool
	String() string
}](id T) string {
	if id.IsEmpty() {
		return ""
	}
	return id.String()
}
