package spec

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
	"google.golang.org/grpc/codes"
)

// RequestExp expects requests that verify's proxy saw on their way to the
// Collector (expect.requests). The fields select requests; Count says how
// many of them there must be, at least one when it is left out. Each field
// is a value matcher, as elsewhere.
type RequestExp struct {
	Line            int    `yaml:"-"`
	Path            *Value `yaml:"path"`             // /v1/traces, or the gRPC method /....TraceService/Export
	Method          *Value `yaml:"method"`           // POST
	ContentType     *Value `yaml:"content_type"`     // application/x-protobuf, application/json, application/grpc
	ContentEncoding *Value `yaml:"content_encoding"` // gzip (HTTP)
	GRPCEncoding    *Value `yaml:"grpc_encoding"`    // gzip (the grpc-encoding header)
	// Compressed: the body really was compressed, as read from the bytes
	// (the gzip magic number over HTTP, the message's compressed flag over
	// gRPC), not from a header.
	Compressed *Value `yaml:"compressed"`
	Size       *Value `yaml:"size"`      // body bytes as sent
	Answered   *Value `yaml:"answered"`  // HTTP status (503) or gRPC code name (Unavailable, OK)
	Forwarded  *Value `yaml:"forwarded"` // passed on to the Collector (false: injected or dropped)
	// AfterPrevious is the time since the previous request to the same
	// path: the wait between two attempts. Absent for the first.
	AfterPrevious *Gap   `yaml:"after_previous"`
	Count         *Value `yaml:"count"` // how many requests match; default {gte: 1}
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (r *RequestExp) UnmarshalYAML(n *yaml.Node) error {
	type plain RequestExp
	r.Line = n.Line
	return decodeStrict(n, (*plain)(r))
}

// Gap matches a duration: {gte: 2s}, {lte: 500ms}, both, or {absent: true}.
// It is a Value on seconds.
type Gap struct{ Value }

// UnmarshalYAML implements yaml.Unmarshaler.
func (g *Gap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return posErr(n, "want a duration range such as {gte: 2s} or {lte: 500ms}")
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	copy(c.Content, n.Content)
	for i := 0; i+1 < len(c.Content); i += 2 {
		k, v := c.Content[i], c.Content[i+1]
		if k.Value != "gte" && k.Value != "lte" {
			continue
		}
		d, err := time.ParseDuration(v.Value)
		if err != nil || d < 0 {
			return posErr(v, "%s: want a duration such as 2s or 500ms, got %q", k.Value, v.Value)
		}
		s := *v
		s.Tag, s.Value = "!!float", strconv.FormatFloat(d.Seconds(), 'g', -1, 64)
		c.Content[i+1] = &s
	}
	return g.Value.UnmarshalYAML(&c)
}

// String describes the matcher in seconds.
func (g *Gap) String() string {
	if g == nil {
		return "(any)"
	}
	return g.Value.String() + " seconds"
}

// GRPCFaults says how the proxy in front of the Collector's OTLP/gRPC
// receiver misbehaves: the first Count calls of each method are answered
// with the status Code, and the rest are forwarded.
type GRPCFaults struct {
	Line  int    `yaml:"-"`
	Code  string `yaml:"code"`  // a gRPC code name as grpc-go prints it: Unavailable
	Count int    `yaml:"count"` // per method
	// RetryAfter, in seconds, attaches a google.rpc.RetryInfo detail with
	// that delay, the gRPC form of Retry-After.
	RetryAfter int `yaml:"retry_after"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (f *GRPCFaults) UnmarshalYAML(n *yaml.Node) error {
	type plain GRPCFaults
	f.Line = n.Line
	return decodeStrict(n, (*plain)(f))
}

// StatusCode returns the gRPC code named by Code.
func (f GRPCFaults) StatusCode() (codes.Code, bool) {
	for c := codes.Code(0); c <= codes.Unauthenticated; c++ {
		if c.String() == f.Code {
			return c, true
		}
	}
	return 0, false
}

// UsesProxy reports whether verify puts its proxy in front of the
// Collector for this case: for faults, or to record the requests.
func (s *Spec) UsesProxy() bool {
	return s.Collector.HTTPFaults != nil || s.Collector.GRPCFaults != nil || len(s.Expect.Requests) > 0
}

// checkWire checks the proxy settings and the request expectations.
func (s *Spec) checkWire(bad reporter) {
	if f := s.Collector.HTTPFaults; f != nil {
		switch {
		case s.Run.Protocol == "grpc":
			bad(f.Line, "http_faults: the proxy speaks HTTP; it needs run.protocol http/protobuf (grpc_faults for gRPC)")
		case f.Count > 0 && (f.Status < 400 || f.Status > 599):
			bad(f.Line, "http_faults: status %d: want an error status, 400 to 599", f.Status)
		case f.Count < 0 || f.RetryAfter < 0:
			bad(f.Line, "http_faults: count and retry_after cannot be negative")
		case f.Count == 0 && f.Delay.Duration == 0:
			bad(f.Line, "http_faults: set count and status, or delay")
		}
	}
	if f := s.Collector.GRPCFaults; f != nil {
		code, ok := f.StatusCode()
		switch {
		case s.Run.Protocol != "grpc":
			bad(f.Line, "grpc_faults: the proxy speaks gRPC; it needs run.protocol grpc")
		case !ok || code == codes.OK:
			bad(f.Line, "grpc_faults: code %q: want an error code as grpc-go names it, such as Unavailable or ResourceExhausted", f.Code)
		case f.Count < 1 || f.RetryAfter < 0:
			bad(f.Line, "grpc_faults: count must be 1 or more, retry_after 0 or more")
		}
	}
	if s.UsesProxy() && s.Collector.TLS {
		bad(s.Line, "collector.tls: verify's proxy does not serve TLS, so a TLS case can have neither faults nor expect.requests")
	}
	if hasNil(s.Expect.Requests) {
		bad(s.Line, "expect.requests: an empty list item")
		return
	}
	for _, r := range s.Expect.Requests {
		checkCount(bad, r.Line, r.Count)
	}
}

// String says in words what the proxy does, for messages.
func (f GRPCFaults) String() string {
	s := fmt.Sprintf("%s for the first %d call(s) of each method", f.Code, f.Count)
	if f.RetryAfter > 0 {
		s += fmt.Sprintf(", RetryInfo %ds", f.RetryAfter)
	}
	return s
}
