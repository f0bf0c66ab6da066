package verify

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/collector"
	"oteldocs.dev/testcontainers/images"
	tcservices "oteldocs.dev/testcontainers/services"
)

// services holds the containers of one verify run, each started once.
type services struct {
	log       io.Writer
	running   map[string]*tcservices.Instance // by registry name
	collector *collector.Container            // running["collector"], for endpoints and its data
	collImage string
	dedicated map[string]*collector.Container // by their spec.Collector settings
	runDir    string                          // this run's own folder (newRunDir)
	certs     *collector.Certificates
	caFile    string
	started   []testcontainers.Container
	mu        sync.Mutex // examples verified side by side share the dedicated Collectors
}

// testcontainersDefaults sets what testcontainers-go needs on machines
// without a registry, unless the caller chose otherwise: Ryuk (the reaper)
// is an image that cannot be pulled, and verify removes its own containers
// anyway; inside a container (/.dockerenv) testcontainers would dial the
// bridge gateway, where the mapped ports are not reachable.
func testcontainersDefaults() {
	if os.Getenv("TESTCONTAINERS_RYUK_DISABLED") == "" {
		os.Setenv("TESTCONTAINERS_RYUK_DISABLED", "true")
	}
	if _, err := os.Stat("/.dockerenv"); err == nil && os.Getenv("TESTCONTAINERS_HOST_OVERRIDE") == "" {
		os.Setenv("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1")
	}
}

// start starts what needs names, in the registry's order
// (oteldocs.dev/internal/service); the Collector is always among them. On
// error, what did start is still recorded, so stop removes it.
func (s *services) start(ctx context.Context, needs map[string]bool) error {
	testcontainersDefaults()
	if _, err := images.Docker(ctx, nil, "info", "--format", "{{.ServerVersion}}"); err != nil {
		return fmt.Errorf("no Docker engine answers (docker info failed): start one, or run scripts/ensure-docker.sh as root on Debian, which installs and starts it\n%v", err)
	}
	var names []string
	for _, name := range service.Names() {
		if needs[name] || name == "collector" {
			names = append(names, name)
		}
	}
	refs, err := tcservices.EnsureImages(ctx, names, s.log)
	if err != nil {
		return err
	}
	s.running = map[string]*tcservices.Instance{}
	for _, name := range names {
		if err := s.startOne(ctx, name, refs[name]); err != nil {
			return err
		}
	}
	var c *collector.Container
	if inst := s.running["collector"]; inst != nil {
		c, _ = inst.Container.(*collector.Container)
	}
	if c == nil {
		return fmt.Errorf("no Collector started: the registry (internal/service/service.go) lists \"collector\" and testcontainers/services/collector.go starts a *collector.Container")
	}
	s.collector, s.collImage = c, refs["collector"]
	return nil
}

// startOne starts the registry's service name from the image ref.
func (s *services) startOne(ctx context.Context, name, ref string) error {
	st, err := tcservices.For(name)
	if err != nil {
		return err
	}
	t0 := time.Now()
	inst, err := st.Start(ctx, ref)
	if inst != nil && inst.Container != nil {
		s.started = append(s.started, inst.Container)
	}
	if err != nil {
		return err
	}
	s.running[name] = inst
	fmt.Fprintf(s.log, "verify: %s %s ready in %s\n", name, ref, since(t0))
	return nil
}

// stop removes every container started, with a fresh context: the run's
// context may be cancelled (Ctrl-C) by now.
func (s *services) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := len(s.started) - 1; i >= 0; i-- {
		if err := testcontainers.TerminateContainer(s.started[i], testcontainers.StopContext(ctx)); err != nil {
			fmt.Fprintf(s.log, "verify: removing container: %v\n", err)
		}
	}
	s.started = nil
}

// endpoint returns the OTLP endpoint URL of c for protocol.
func endpoint(ctx context.Context, c *collector.Container, protocol string, tls bool) (string, error) {
	if protocol != "grpc" {
		return c.HTTPEndpoint(ctx)
	}
	hp, err := c.GRPCEndpoint(ctx)
	if err != nil {
		return "", err
	}
	if tls {
		return "https://" + hp, nil
	}
	return "http://" + hp, nil
}

// envInputs gathers what exampleEnv needs for one case: the endpoint of
// coll for the case's protocol, and the URLs of the services it needs (a
// fresh database per example).
func (s *services) envInputs(ctx context.Context, coll *collector.Container, ex Example, sp *spec.Spec, runID string, collEnv []string) (envInputs, error) {
	in := envInputs{host: os.Environ(), protocol: sp.Run.Protocol, runID: runID, collector: collEnv}
	if in.protocol == "" {
		in.protocol = "http/protobuf"
	}
	var err error
	if in.endpoint, err = endpoint(ctx, coll, in.protocol, sp.Collector.TLS); err != nil {
		return in, fmt.Errorf("collector endpoint: %w", err)
	}
	in.services, err = s.serviceEnv(ctx, ex.ID, sp)
	return in, err
}

// serviceEnv gathers the variables the services sp needs give example id,
// in the registry's order.
func (s *services) serviceEnv(ctx context.Context, id string, sp *spec.Spec) (map[string]string, error) {
	env := map[string]string{}
	for _, name := range service.Names() {
		inst := s.running[name]
		if !sp.NeedsService(name) || inst == nil || inst.Env == nil {
			continue
		}
		vars, err := inst.Env(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("%s for %s: %w", name, id, err)
		}
		if err := tcservices.CheckEnv(name, vars); err != nil {
			return nil, err
		}
		maps.Copy(env, vars)
	}
	return env, nil
}

// collectorFor returns the Collector a case exports to: the shared one, or
// one of its own when the case asks for TLS or a bearer token (started once
// per distinct setting, removed with the others). It also returns the
// environment the example needs for it: the CA file for TLS.
func (s *services) collectorFor(ctx context.Context, opts spec.Collector) (*collector.Container, []string, error) {
	if !opts.Dedicated() {
		return s.collector, nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var env []string
	var copts []testcontainers.ContainerCustomizer
	if opts.TLS {
		caFile, certs, err := s.certificates()
		if err != nil {
			return nil, nil, err
		}
		copts = append(copts, collector.WithTLS(certs.CertPEM, certs.KeyPEM))
		env = append(env, "OTEL_EXPORTER_OTLP_CERTIFICATE="+caFile)
	}
	if opts.BearerToken != "" {
		copts = append(copts, collector.WithBearerToken(opts.BearerToken))
	}
	if opts.Outage != nil {
		ports, err := fixedPorts() // outage.go
		if err != nil {
			return nil, nil, err
		}
		copts = append(copts, ports)
	}
	key := fmt.Sprintf("%+v", opts)
	if c, ok := s.dedicated[key]; ok {
		return c, env, nil
	}
	t0 := time.Now()
	c, err := collector.Run(ctx, s.collImage, copts...)
	if c != nil {
		s.started = append(s.started, c)
	}
	if err != nil {
		return nil, nil, err
	}
	if s.dedicated == nil {
		s.dedicated = map[string]*collector.Container{}
	}
	s.dedicated[key] = c
	fmt.Fprintf(s.log, "verify: collector with %s ready in %s\n", describe(opts), since(t0))
	return c, env, nil
}

func describe(o spec.Collector) string {
	var parts []string
	if o.TLS {
		parts = append(parts, "TLS")
	}
	if o.BearerToken != "" {
		parts = append(parts, "a bearer token")
	}
	if o.Outage != nil {
		parts = append(parts, "fixed ports for an outage")
	}
	return strings.Join(parts, " and ")
}

// certificates makes the run's CA and server certificate once, and writes
// the CA where examples can read it: in the run's own folder, so another
// run at once cannot replace it.
func (s *services) certificates() (string, *collector.Certificates, error) {
	if s.certs == nil {
		certs, err := collector.NewCertificates()
		if err != nil {
			return "", nil, fmt.Errorf("make TLS certificates: %w", err)
		}
		dir := filepath.Join(s.runDir, "tls")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", nil, err
		}
		s.caFile = filepath.Join(dir, "ca.pem")
		if err := os.WriteFile(s.caFile, certs.CAPEM, 0o644); err != nil {
			return "", nil, err
		}
		s.certs = certs
	}
	return s.caFile, s.certs, nil
}

func since(t time.Time) string { return time.Since(t).Round(100 * time.Millisecond).String() }
