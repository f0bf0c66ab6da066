package spec

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Serve runs the example as a server: it serves until it is interrupted, as
// a reader runs it. verify gives it a free loopback address in AddrEnv,
// waits until the address answers, sends Requests in order, then sends
// Signal and expects the program to exit as run.exit_code says.
type Serve struct {
	Line int `yaml:"-"`
	// AddrEnv is the variable that carries the address, 127.0.0.1:PORT
	// (default ADDR).
	AddrEnv string `yaml:"addr_env"`
	// Ready is how verify knows the server is up: "tcp" (default), a TCP
	// connection is accepted; or a path such as /healthz, an HTTP GET of it
	// gets any answer.
	Ready string `yaml:"ready"`
	// Requests are sent in order once the server is ready.
	Requests []*ServeRequest `yaml:"requests"`
	// Signal is sent after the last request: SIGINT (default) or SIGTERM.
	Signal string `yaml:"signal"`
}

// ServeRequest is one HTTP request verify sends to the server.
type ServeRequest struct {
	Line    int               `yaml:"-"`
	Method  string            `yaml:"method"` // default GET
	Path    string            `yaml:"path"`   // /users/1, with any query
	Headers map[string]string `yaml:"headers"`
	Body    string            `yaml:"body"`
	Status  int               `yaml:"status"` // the answer it must get; default 200
	// InFlight sends the request without waiting for its answer: verify
	// goes on once the server has read it, so the signal arrives while the
	// server is still serving it (inflight.go in internal/verify).
	InFlight bool `yaml:"in_flight"`
	// ShowBody prints the answer's body into the output after its status
	// line, where run.output matchers and the page's output block see it:
	// a Prometheus scrape, say.
	ShowBody bool `yaml:"show_body"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *Serve) UnmarshalYAML(n *yaml.Node) error {
	type plain Serve
	s.Line = n.Line
	return decodeStrict(n, (*plain)(s))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (r *ServeRequest) UnmarshalYAML(n *yaml.Node) error {
	type plain ServeRequest
	r.Line = n.Line
	return decodeStrict(n, (*plain)(r))
}

// The defaults, filled in by check.
const (
	DefaultAddrEnv = "ADDR"
	DefaultSignal  = "SIGINT"
)

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// checkServe checks run.serve and fills in its defaults.
func (s *Spec) checkServe(bad reporter) {
	sv := s.Run.Serve
	if sv == nil {
		return
	}
	if sv.AddrEnv == "" {
		sv.AddrEnv = DefaultAddrEnv
	}
	if !envName.MatchString(sv.AddrEnv) {
		bad(sv.Line, "run.serve.addr_env: want a variable name such as ADDR, got %q", sv.AddrEnv)
	}
	if _, ok := s.Run.Env[sv.AddrEnv]; ok {
		bad(s.Run.EnvLines[sv.AddrEnv], "run.env: %s is the address verify gives the server (run.serve.addr_env); remove it here", sv.AddrEnv)
	}
	if sv.Ready == "" {
		sv.Ready = "tcp"
	}
	if sv.Ready != "tcp" && !strings.HasPrefix(sv.Ready, "/") {
		bad(sv.Line, "run.serve.ready: want tcp or a path such as /healthz, got %q", sv.Ready)
	}
	switch sv.Signal {
	case "":
		sv.Signal = DefaultSignal
	case "SIGINT", "SIGTERM":
	default:
		bad(sv.Line, "run.serve.signal: want SIGINT or SIGTERM, got %q", sv.Signal)
	}
	for i, r := range sv.Requests {
		if r == nil {
			bad(sv.Line, "run.serve.requests: an empty list item")
			continue
		}
		if r.Method == "" {
			r.Method = http.MethodGet
		}
		if r.Method != strings.ToUpper(r.Method) || strings.ContainsAny(r.Method, " /") {
			bad(r.Line, "run.serve.requests[%d].method: want an HTTP method such as GET, got %q", i, r.Method)
		}
		if !strings.HasPrefix(r.Path, "/") {
			bad(r.Line, "run.serve.requests[%d].path: want a path starting with /, got %q", i, r.Path)
		}
		if r.Status == 0 {
			r.Status = http.StatusOK
		}
		if r.ShowBody && r.InFlight {
			bad(r.Line, "run.serve.requests[%d]: show_body prints an answer verify waits for; it does not combine with in_flight", i)
		}
		if r.Status < 100 || r.Status > 599 {
			bad(r.Line, "run.serve.requests[%d].status: want an HTTP status such as 200, got %d", i, r.Status)
		}
	}
}

// String is the request as a message names it: GET /users/1.
func (r *ServeRequest) String() string { return fmt.Sprintf("%s %s", r.Method, r.Path) }
