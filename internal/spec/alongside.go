package spec

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Alongside is a second program of the example's module that verify runs
// beside the main one, as a reader runs two commands: a gateway that a
// device publishes to, a worker that a producer feeds. verify builds the
// main package Package, starts it before the main program, waits until
// its output matches Ready, runs the main program, then waits until the
// output matches StopWhen (when given), sends it SIGINT and expects it to
// exit 0. Its telemetry carries the same run id, so both programs' data
// is checked together.
type Alongside struct {
	Line int `yaml:"-"`
	// Package is the main package to build, relative to the example's
	// folder, such as ./gateway.
	Package string   `yaml:"package"`
	Args    []string `yaml:"args"`
	// Env is added to the environment the main program gets, e.g. its own
	// OTEL_SERVICE_NAME. Values are taken as written (no ${NAME}).
	Env map[string]string `yaml:"env"`
	// Ready matches its output once it is ready for the main program,
	// e.g. {pattern: "subscribed to"}.
	Ready *Value `yaml:"ready"`
	// StopWhen, after the main program exited, matches its output once it
	// has done its part, e.g. received every message; SIGINT follows.
	// Without it the signal is sent at once.
	StopWhen *Value `yaml:"stop_when"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (a *Alongside) UnmarshalYAML(n *yaml.Node) error {
	type plain Alongside
	a.Line = n.Line
	return decodeStrict(n, (*plain)(a))
}

// checkAlongside checks run.alongside.
func (s *Spec) checkAlongside(bad reporter) {
	for i, a := range s.Run.Alongside {
		if a == nil {
			bad(s.Line, "run.alongside: an empty list item")
			continue
		}
		if !strings.HasPrefix(a.Package, "./") || path.Clean(a.Package) == "." || strings.Contains(a.Package, "..") {
			bad(a.Line, "run.alongside[%d].package: want a main package inside the example, such as ./gateway, got %q", i, a.Package)
		}
		if a.Ready == nil || a.Ready.Pattern == nil {
			bad(a.Line, "run.alongside[%d].ready: want {pattern: ...} matching what it prints once it is ready, such as {pattern: subscribed}", i)
		}
		if a.StopWhen != nil && a.StopWhen.Pattern == nil {
			bad(a.Line, "run.alongside[%d].stop_when: want {pattern: ...} matching what it prints once it has done its part", i)
		}
		for k := range a.Env {
			if !envName.MatchString(k) {
				bad(a.Line, "run.alongside[%d].env: want a variable name, got %q", i, k)
			}
		}
	}
}
