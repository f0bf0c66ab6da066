package spec

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CompiledOnly marks an example that cannot run here, because a service it
// talks to can neither be built from Debian's packages nor pulled (MongoDB,
// Cassandra). verify compiles it (go vet and go build in its own module) and
// stops: the example passes at level compiled, and a page shows that badge.
// Reason says why, in a sentence; the main document holds it, and nothing
// else that would run the program (needs, run, collector, expect, cases).
type CompiledOnly struct {
	Line   int    `yaml:"-"`
	Reason string `yaml:"-"`
}

// UnmarshalYAML implements yaml.Unmarshaler: compiled_only is the reason.
func (c *CompiledOnly) UnmarshalYAML(n *yaml.Node) error {
	c.Line = n.Line
	return n.Decode(&c.Reason)
}

// checkCompiledOnly checks that a compiled-only example asks for nothing
// that runs it.
func (s *Spec) checkCompiledOnly(bad reporter) {
	c := s.CompiledOnly
	if c == nil {
		return
	}
	if s.Case != "" {
		bad(c.Line, "compiled_only: belongs to the first document of verify.yaml, not to case %q", s.Case)
	}
	if strings.TrimSpace(c.Reason) == "" {
		bad(c.Line, "compiled_only: say why the example cannot run here, in a sentence")
	}
	var set []string
	if len(s.Needs) > 0 {
		set = append(set, "needs")
	}
	for name, v := range map[string]any{"run": s.Run, "collector": s.Collector, "expect": s.Expect} {
		if !reflect.ValueOf(v).IsZero() {
			set = append(set, name)
		}
	}
	if s.Deploy != nil {
		set = append(set, "deploy")
	}
	slices.Sort(set)
	for _, name := range set {
		bad(c.Line, "compiled_only: the example is only compiled, so %s: has no use; remove it", name)
	}
}
