// Package collector starts an OpenTelemetry Collector in a container with
// testcontainers-go and lets tests read back, from the host, the telemetry it
// received.
//
// The Collector receives OTLP over gRPC (port 4317) and HTTP (port 4318; with
// WithCORS, from web pages of the given origins too) and writes each signal, as
// OTLP JSON with one export request per line, to /data/traces.json,
// /data/metrics.json and /data/logs.json, and to the debug exporter (the
// container's log). /data is a bind mount of a host folder, so what arrived
// can be read while the Collector runs. The container is ready when the
// health_check extension (port 13133) answers and both OTLP ports listen.
//
// The image is built here, from the distribution embedded from the _otelcol
// folder (see Image and Distribution), because no registry may be reachable; the variable
// OTELDOCS_COLLECTOR_IMAGE selects an upstream image instead, such as
// otel/opentelemetry-collector-contrib:0.161.0. Usage:
//
//	img, err := images.Ensure(ctx, collector.Image(), os.Stderr)
//	if err != nil { ... }
//	c, err := collector.Run(ctx, img, collector.WithBearerToken("s3cret"))
//	defer testcontainers.TerminateContainer(c) // before the error check
//	if err != nil { ... }
//	endpoint, err := c.HTTPEndpoint(ctx) // "http://127.0.0.1:32768"
//	// ... point OTEL_EXPORTER_OTLP_ENDPOINT at it, run the example ...
//	lines, err := c.Received(collector.Traces)
//
// Where no Ryuk image can be pulled set TESTCONTAINERS_RYUK_DISABLED=true, and
// inside a container (/.dockerenv) TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1.
package collector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"

	"oteldocs.dev/internal/telemetry"
)

// Container is a running Collector.
type Container struct {
	testcontainers.Container
	dataDir    string
	ownDataDir bool // created by Run, removed by Terminate
	tls        bool
}

// Run starts a Collector from img (for example the reference returned by
// images.Ensure(ctx, Image(), log)) and waits until it is ready. Options of
// this package (WithTLS, WithBearerToken, ...) shape its configuration; any
// other testcontainers option is applied after the module's defaults, so it
// wins. On error the container, if one was created, is returned too, so that
// the caller can terminate it.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	settings := defaultOptions()
	for _, opt := range opts {
		if apply, ok := opt.(Option); ok {
			apply(&settings)
		}
	}
	if err := settings.validate(); err != nil {
		return nil, fmt.Errorf("run collector: %w", err)
	}
	cfg, err := settings.config()
	if err != nil {
		return nil, fmt.Errorf("run collector: %w", err)
	}
	dataDir, own, err := prepareDataDir(settings.dataDir)
	if err != nil {
		return nil, fmt.Errorf("run collector: %w", err)
	}

	files := []testcontainers.ContainerFile{
		{Reader: bytes.NewReader(cfg), ContainerFilePath: configPath, FileMode: 0o644},
	}
	if len(settings.certPEM) > 0 {
		// Readable by the Collector's non-root user; it is a test key.
		files = append(files,
			testcontainers.ContainerFile{Reader: bytes.NewReader(settings.certPEM), ContainerFilePath: certPath, FileMode: 0o644},
			testcontainers.ContainerFile{Reader: bytes.NewReader(settings.keyPEM), ContainerFilePath: keyPath, FileMode: 0o644},
		)
	}

	moduleOpts := []testcontainers.ContainerCustomizer{
		testcontainers.WithExposedPorts(grpcPort, httpPort, healthPort),
		testcontainers.WithCmd("--config=" + configPath),
		testcontainers.WithFiles(files...),
		testcontainers.WithHostConfigModifier(func(hc *container.HostConfig) {
			hc.Binds = append(hc.Binds, dataDir+":"+dataPath)
		}),
		testcontainers.WithWaitStrategy(wait.ForAll(
			wait.ForHTTP("/").WithPort(healthPort),
			// The internal check needs /bin/sh, which a scratch image lacks:
			// testcontainers logs that and relies on the external check.
			wait.ForListeningPort(grpcPort),
			wait.ForListeningPort(httpPort),
		).WithDeadline(time.Minute)),
	}
	moduleOpts = append(moduleOpts, opts...)

	ctr, err := testcontainers.Run(ctx, img, moduleOpts...)
	var c *Container
	if ctr != nil {
		c = &Container{Container: ctr, dataDir: dataDir, ownDataDir: own, tls: len(settings.certPEM) > 0}
	} else if own {
		os.RemoveAll(dataDir)
	}
	if err != nil {
		return c, fmt.Errorf("run collector: %w", err)
	}
	return c, nil
}

// prepareDataDir returns the absolute host folder to mount at /data, made
// world-writable; a new temporary one (own) when dir is empty.
func prepareDataDir(dir string) (abs string, own bool, err error) {
	if dir == "" {
		if dir, err = os.MkdirTemp("", "otelcol-data-"); err != nil {
			return "", false, fmt.Errorf("data dir: %w", err)
		}
		own = true
	} else if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", false, fmt.Errorf("data dir: %w", err)
	}
	if abs, err = filepath.Abs(dir); err == nil {
		err = os.Chmod(abs, 0o777)
	}
	if err != nil {
		if own {
			os.RemoveAll(dir)
		}
		return "", false, fmt.Errorf("data dir: %w", err)
	}
	return abs, own, nil
}

// GRPCEndpoint returns the host:port of the OTLP/gRPC receiver, for example
// "127.0.0.1:32768" (TLS when WithTLS was given).
func (c *Container) GRPCEndpoint(ctx context.Context) (string, error) {
	return c.PortEndpoint(ctx, grpcPort, "")
}

// HTTPEndpoint returns the base URL of the OTLP/HTTP receiver, for example
// "http://127.0.0.1:32769" ("https://..." when WithTLS was given). Signals
// are posted to /v1/traces, /v1/metrics and /v1/logs below it.
func (c *Container) HTTPEndpoint(ctx context.Context) (string, error) {
	scheme := "http"
	if c.tls {
		scheme = "https"
	}
	return c.PortEndpoint(ctx, httpPort, scheme)
}

// DataDir returns the host folder mounted at /data.
func (c *Container) DataDir() string {
	return c.dataDir
}

// Received returns what the Collector has written so far for signal
// (Traces, Metrics or Logs): OTLP JSON export requests, one per line. Only
// complete lines are returned; nil, without error, if nothing arrived yet.
func (c *Container) Received(signal string) ([]byte, error) {
	if !slices.Contains(signals, signal) {
		return nil, fmt.Errorf("received %q: unknown signal, want traces, metrics or logs", signal)
	}
	b, err := os.ReadFile(filepath.Join(c.dataDir, signal+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("received %s: %w", signal, err)
	}
	// The file exporter flushes every FileFlushInterval: drop a line still
	// being written.
	return telemetry.Complete(b), nil
}

// Terminate stops and removes the container, and the data folder if Run
// created it. It is safe on a nil Container.
func (c *Container) Terminate(ctx context.Context, opts ...testcontainers.TerminateOption) error {
	if c == nil {
		return nil
	}
	var errs []error
	if c.Container != nil {
		errs = append(errs, c.Container.Terminate(ctx, opts...))
	}
	if c.ownDataDir {
		if err := os.RemoveAll(c.dataDir); err != nil {
			errs = append(errs, fmt.Errorf("remove data dir: %w", err))
		}
	}
	return errors.Join(errs...)
}
