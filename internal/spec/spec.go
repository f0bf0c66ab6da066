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
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/yamlerr"
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
	Deploy    *Deploy   `yaml:"deploy"` // deploy.go
	// CompiledOnly: the example is compiled, never run (compiled.go).
	CompiledOnly *CompiledOnly `yaml:"compiled_only"`
	Cases        []*Spec       `yaml:"-"` // extra cases, on the main case only
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
	// Outage stops this Collector mid-run and starts it again (outage.go).
	Outage *Outage `yaml:"outage"`
	// CORSAllowedOrigins lets pages from these origins send to the OTLP/HTTP
	// receiver (cors.allowed_origins), e.g. "http://127.0.0.1:*" for a page
	// that run.serve serves. Without it a browser refuses to send.
	CORSAllowedOrigins []string `yaml:"cors_allowed_origins"`
	// Failover gives the example a second Collector, the shared one, in
	// FAILOVER_OTLP_ENDPOINT, and checks what arrived at both (outage.go).
	Failover bool `yaml:"failover"`
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
func (c Collector) Dedicated() bool {
	return c.TLS || c.BearerToken != "" || c.Outage != nil || len(c.CORSAllowedOrigins) > 0
}

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
	// Alongside are programs of the same module run beside this one, such
	// as a gateway (alongside.go).
	Alongside []*Alongside `yaml:"alongside"`
	// Arch builds the program for Linux on another architecture (amd64,
	// arm with GOARM=7, arm64) and runs it under qemu-user-static when the
	// host's differs; verify reports the binary's size and the run's peak
	// memory (arch.go).
	Arch string `yaml:"arch"`
	// Sizes are more main packages of the module whose sizes verify
	// reports beside the program's, for run.arch.
	Sizes []string `yaml:"sizes"`
	// Build are commands run in the example's folder before the program,
	// such as a wasm module's build (build.go).
	Build []*Step `yaml:"build"`
	// Program, when set, is run instead of the example's Go program, with
	// run.args, such as a C host built by run.build: "${BUILD}/host".
	Program string `yaml:"program"`
	// Test runs the tests of the module's root package instead of its
	// program: verify builds them with go test -c and runs the test binary
	// with run.args, such as [-test.v] (gotest.go).
	Test bool `yaml:"test"`
	// Browser opens what a served program serves in headless Chromium
	// and plays steps (browser.go).
	Browser *Browser `yaml:"browser"`
	// Netns runs the program in the network namespace of a service the
	// case needs, one at an address no variable can change (netns.go).
	Netns string `yaml:"netns"`
	// Container runs the program inside the container of a service the
	// case needs, with that container's files, such as the service account
	// of a Kubernetes pod (netns.go).
	Container string `yaml:"container"`
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
		if n.Content[i].Value == "browser" && r.Browser != nil {
			r.Browser.Line = n.Content[i].Line
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
			return nil, yamlerr.Errors(path, 0, err, nil)
		}
		s := &Spec{Path: path, Line: 1}
		if len(n.Content) > 0 {
			s.Line = n.Content[0].Line
			if err := decodeStrict(n.Content[0], s); err != nil {
				return nil, yamlerr.Errors(path, 0, err, nil)
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

// check checks one case, step by step; every step reports through bad, so
// one run lists every problem.
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
	s.checkRun(bad)
	s.checkWire(bad)
	s.checkServe(bad)
	s.checkAlongside(bad)
	s.checkOutage(bad)
	s.checkArch(bad)
	s.checkBuild(bad)
	s.checkTest(bad)
	s.checkBrowser(bad)
	s.checkNetns(bad)
	s.checkDeploy(bad)
	s.checkCompiledOnly(bad)
	// The steps after this one read every item: an empty one stops here.
	if !s.checkEmptyItems(bad) {
		return errors.Join(errs...)
	}
	ids := s.checkSpans(bad)
	s.checkMetrics(bad, ids)
	s.checkLogs(bad, ids)
	return errors.Join(errs...)
}
