package docgen

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
)

// The files a download adds beside the example's own: how to run it, and
// the Collector configuration the README's docker run line mounts.
const (
	readmeFile          = "README.md"
	collectorConfigFile = "otelcol.yaml"
)

// readmeInput is what the README of one example is written from: its
// verify.yaml, the page that shows it, and where the site is published.
type readmeInput struct {
	id       string
	spec     *spec.Spec
	page     *page // the first page in reading order that uses the example; nil if none
	baseURL  string
	goLine   string // the go directive of its go.mod, e.g. "1.26.0"
	services []service.Service
}

// readmeOf reads examples/<id>/verify.yaml and writes the README of the
// example's download. Without a verify.yaml there is nothing to say how it
// runs: ok is false.
func (b *builder) readmeOf(id string) (readme []byte, ok bool, err error) {
	in, ok, err := b.readmeInputOf(id)
	if !ok || err != nil {
		return nil, ok, err
	}
	return []byte(in.render()), true, nil
}

// readmeInputOf gathers what the README of examples/<id> is written from.
func (b *builder) readmeInputOf(id string) (in readmeInput, ok bool, err error) {
	dir := "examples/" + id
	src, err := fs.ReadFile(b.cfg.FS, dir+"/verify.yaml")
	if err != nil {
		return in, false, nil
	}
	sp, err := spec.ParseBytes(dir+"/verify.yaml", src)
	if err != nil {
		return in, false, err
	}
	in = readmeInput{id: id, spec: sp, page: b.pageUsing(id), baseURL: b.cfg.BaseURL}
	if mod, err := fs.ReadFile(b.cfg.FS, dir+"/go.mod"); err == nil {
		in.goLine = goDirective(string(mod))
	}
	for _, s := range service.All() {
		if s.Name == "collector" || sp.NeedsService(s.Name) {
			in.services = append(in.services, s)
		}
	}
	return in, true, nil
}

// pageUsing returns the first page, in reading order, whose source names
// a file of examples/<id>/.
func (b *builder) pageUsing(id string) *page {
	for _, p := range b.pages {
		if strings.Contains(string(p.doc.Body), "examples/"+id+"/") {
			return p
		}
	}
	return nil
}

func goDirective(mod string) string {
	for line := range strings.SplitSeq(mod, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// container is the docker name of a service started for example id.
func container(id, svc string) string { return id + "-" + svc }

func (in readmeInput) render() string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	step := 0
	heading := func(title string) {
		step++
		p("## %d. %s\n\n", step, title)
	}
	p("# %s\n\n", in.id)
	if in.page != nil {
		if in.page.meta.Description != "" {
			p("%s\n\n", in.page.meta.Description)
		}
		p("This example belongs to the page \"%s\": %s%s\n\n", in.page.meta.Title, in.baseURL, in.page.url)
	}
	if c := in.spec.CompiledOnly; c != nil {
		p("This example was compiled, never run, where this site is built: %s It also needs that server, which this README does not start; the doc comment of its main package names the variables it reads.\n\n",
			strings.TrimSpace(c.Reason))
	}
	p("It runs as it is against a local OpenTelemetry Collector")
	if len(in.services) > 1 {
		p(" and the services it needs")
	}
	p(". You need Go")
	if in.goLine != "" {
		p(" %s or later", in.goLine)
	}
	p(" and Docker. Run every command from this folder.\n\n")
	if c := in.spec.Collector; needsSpecialCollector(c) {
		p("verify runs it against a Collector with TLS, a bearer token or a faulty network in front of it; the commands below use a plain Collector.\n\n")
	}
	var other []string
	for _, c := range in.spec.Cases {
		if needsSpecialCollector(c.Collector) {
			other = append(other, "`"+c.Case+"`")
		}
	}
	if len(other) > 0 {
		p("Its page also shows the cases %s, which need a Collector with TLS, a bearer token or a faulty network in front of it; the commands below run the main case against a plain Collector.\n\n", strings.Join(other, ", "))
	}

	if len(in.services) > 1 {
		heading("Start the Collector and the services")
	} else {
		heading("Start the Collector")
	}
	p("The Collector prints everything it receives (the debug exporter in %s).\n\n", collectorConfigFile)
	p("```sh\n")
	for _, s := range in.services {
		p("%s\n", dockerRun(in.id, s))
	}
	p("```\n\n")
	for _, s := range in.services {
		if s.Reader.Note != "" {
			p("%s\n\n", s.Reader.Note)
		}
	}
	if len(in.services) > 1 {
		p("A database or broker takes a few seconds to accept connections: if the example stops at once saying it cannot connect, run it again.\n\n")
	}

	env := in.env()
	heading("Run the example")
	if sv := in.spec.Run.Serve; sv != nil {
		p("It serves until you press Ctrl-C, then flushes its telemetry and exits.\n\n")
	}
	p("```sh\n")
	for _, kv := range env {
		p("export %s=%s\n", kv[0], shellQuote(kv[1]))
	}
	if b := in.spec.Run.Browser; b != nil && b.Wasm != nil {
		p("go generate # builds the page's module: %s\n", b.Wasm.Out)
	}
	for _, st := range in.spec.Run.Build {
		p("%s\n", buildCommand(st))
	}
	if prog := in.spec.Run.Program; prog != "" {
		p("%s", shellQuote(inFolder(prog)))
	} else {
		p("go run .")
	}
	for _, a := range in.spec.Run.Args {
		p(" %s", shellQuote(inFolder(a)))
	}
	p("\n```\n\n")
	p("The variables it reads:\n\n")
	for _, kv := range env {
		p("- `%s`: %s\n", kv[0], kv[2])
	}
	p("\n")

	if in.spec.Run.Browser != nil {
		heading("Open the page")
		in.renderBrowser(p)
	} else if sv := in.spec.Run.Serve; sv != nil {
		heading("Send it requests")
		p("From a second terminal, then press Ctrl-C in the first one:\n\n```sh\n")
		for _, r := range sv.Requests {
			p("%s\n", curl(in.addr(), r))
		}
		p("```\n\n")
	}

	heading("See what arrived")
	p("```sh\ndocker logs %s\n```\n\n", container(in.id, "collector"))
	if seen := in.expected(); len(seen) > 0 {
		p("Among what the Collector printed:\n\n")
		for _, s := range seen {
			p("- %s\n", s)
		}
		p("\n")
	}
	heading("Clean up")
	p("```sh\ndocker rm -f")
	for _, s := range in.services {
		p(" %s", container(in.id, s.Name))
	}
	p("\n```\n")
	return w.String()
}

// dockerRun is the command that starts service s for example id.
func dockerRun(id string, s service.Service) string {
	parts := []string{"docker", "run", "-d", "--name", container(id, s.Name)}
	parts = append(parts, s.Reader.Args...)
	parts = append(parts, s.Reader.Image)
	parts = append(parts, s.Reader.Cmd...)
	return strings.Join(parts, " ")
}

// addr is the listen address a served example gets.
func (in readmeInput) addr() string { return "localhost:8080" }

// env returns the variables the example reads, as (name, value, what it
// is) in the order the README lists them.
func (in readmeInput) env() [][3]string {
	protocol := in.spec.Run.Protocol
	if protocol == "" {
		protocol = "http/protobuf"
	}
	endpoint := "http://localhost:4318"
	if protocol == "grpc" {
		endpoint = "http://localhost:4317"
	}
	out := [][3]string{
		{"OTEL_EXPORTER_OTLP_ENDPOINT", endpoint, "where the SDK exports (standard OpenTelemetry variable)"},
		{"OTEL_EXPORTER_OTLP_PROTOCOL", protocol, "how it exports: http/protobuf or grpc"},
	}
	for _, s := range in.services {
		for _, k := range s.Env {
			out = append(out, [3]string{k, s.Reader.Values[k], "the " + s.Name + " container started above"})
		}
	}
	if sv := in.spec.Run.Serve; sv != nil {
		name := sv.AddrEnv
		if name == "" {
			name = spec.DefaultAddrEnv
		}
		out = append(out, [3]string{name, in.addr(), "the address it listens on"})
	}
	keys := make([]string, 0, len(in.spec.Run.Env))
	for k := range in.spec.Run.Env {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, [3]string{k, in.spec.Run.Env[k], "set for this example"})
	}
	return out
}

// curl is the command that sends one of verify's requests.
func curl(addr string, r *spec.ServeRequest) string {
	parts := []string{"curl", "-i"}
	if r.Method != "" && r.Method != "GET" {
		parts = append(parts, "-X", r.Method)
	}
	keys := make([]string, 0, len(r.Headers))
	for k := range r.Headers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		parts = append(parts, "-H", shellQuote(k+": "+r.Headers[k]))
	}
	if r.Body != "" {
		parts = append(parts, "--data", shellQuote(r.Body))
	}
	return strings.Join(append(parts, shellQuote("http://"+addr+r.Path)), " ")
}

// expected lists what verify asserts in words a reader finds in the
// Collector's debug output: span names, metric names, log bodies.
func (in readmeInput) expected() []string {
	var out []string
	add := func(kind string, v *spec.Value) {
		if v == nil {
			return
		}
		s, ok := v.Exact.(string)
		if !ok || s == "" {
			return
		}
		line := fmt.Sprintf("%s `%s`", kind, s)
		if !slices.Contains(out, line) {
			out = append(out, line)
		}
	}
	for _, s := range in.spec.Expect.Spans {
		if !s.Absent {
			add("a span named", s.Name)
		}
	}
	for _, m := range in.spec.Expect.Metrics {
		add("a metric named", m.Name)
	}
	for _, l := range in.spec.Expect.Logs {
		if !l.Absent {
			add("a log record with the body", l.Body)
		}
	}
	return out
}

// shellQuote quotes s for sh when it holds anything but plain characters.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@%+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// exampleExtras returns the files a download adds to examples/<id>:
// README.md and the Collector configuration, keyed by name.
func (b *builder) exampleExtras(id string) (map[string][]byte, error) {
	in, ok, err := b.readmeInputOf(id)
	if err != nil || !ok {
		return nil, err
	}
	return map[string][]byte{
		readmeFile:          []byte(in.render()),
		collectorConfigFile: []byte(collectorConfigFor(in.spec, in.addr())),
	}, nil
}

// inFolder is s of verify.yaml with ${BUILD}, verify's folder for build
// outputs, replaced by the reader's example folder.
func inFolder(s string) string { return strings.ReplaceAll(s, "${"+spec.BuildVar+"}", ".") }

// buildCommand is a command of run.build as a reader types it, its env
// first: GOARCH=wasm GOOS=wasip1 go build -o ./guest.wasm ./guest
func buildCommand(st *spec.Step) string {
	var parts []string
	keys := make([]string, 0, len(st.Env))
	for k := range st.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+shellQuote(inFolder(st.Env[k])))
	}
	for _, a := range st.Cmd {
		parts = append(parts, shellQuote(inFolder(a)))
	}
	return strings.Join(parts, " ")
}
