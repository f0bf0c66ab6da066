package spec

import "go.yaml.in/yaml/v3"

// Outage stops the case's Collector while the example runs and starts it
// again on the same endpoint: collector.outage in verify.yaml. The case
// gets a Collector of its own.
type Outage struct {
	Line int `yaml:"-"`
	// After is the pattern that, once the output of the program or of a
	// run.alongside program matches it, stops the Collector.
	After *Value `yaml:"after"`
	// For is how long the Collector stays stopped before it starts again.
	For Duration `yaml:"for"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (o *Outage) UnmarshalYAML(n *yaml.Node) error {
	type plain Outage
	o.Line = n.Line
	return decodeStrict(n, (*plain)(o))
}

// FailoverEnv is the variable in which collector.failover gives the
// second Collector's endpoint. No OpenTelemetry variable names a second
// endpoint; this one is verify's.
const FailoverEnv = "FAILOVER_OTLP_ENDPOINT"

// checkOutage checks collector.outage and collector.failover.
func (s *Spec) checkOutage(bad reporter) {
	o := s.Collector.Outage
	if s.Collector.Failover && o == nil {
		bad(s.Line, "collector.failover: a second Collector is there for when the first is down: add collector.outage")
	}
	if o == nil {
		return
	}
	if o.After == nil || o.After.Pattern == nil {
		bad(o.Line, "collector.outage.after: want {pattern: ...} matching what the program prints before the Collector should stop, such as {pattern: 'reading 2'}")
	}
	if o.For.Duration <= 0 {
		bad(o.Line, "collector.outage.for: want how long the Collector stays stopped, such as 3s")
	}
}
