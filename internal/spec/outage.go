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

// checkOutage checks collector.outage.
func (s *Spec) checkOutage(bad reporter) {
	o := s.Collector.Outage
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
