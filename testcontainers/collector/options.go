package collector

import (
	"errors"
	"fmt"

	"github.com/testcontainers/testcontainers-go"
)

// options are the settings of the Collector container that shape its
// configuration; they are gathered from the Option values passed to Run.
type options struct {
	certPEM, keyPEM []byte
	bearerToken     string
	verbosity       string
	dataDir         string
	corsOrigins     []string
}

func defaultOptions() options {
	return options{verbosity: "basic"}
}

func (o options) validate() error {
	if (len(o.certPEM) == 0) != (len(o.keyPEM) == 0) {
		return errors.New("WithTLS needs both a certificate and a key")
	}
	switch o.verbosity {
	case "basic", "normal", "detailed":
	default:
		return fmt.Errorf("debug verbosity %q: want basic, normal or detailed", o.verbosity)
	}
	return nil
}

// Compile-time check that Option can be passed to Run.
var _ testcontainers.ContainerCustomizer = Option(nil)

// Option configures the Collector run by Run. It may be mixed with
// testcontainers.ContainerCustomizer values in Run's options.
type Option func(*options)

// Customize is a no-op: Run reads Option values itself. It is defined to
// satisfy testcontainers.ContainerCustomizer.
func (o Option) Customize(*testcontainers.GenericContainerRequest) error {
	return nil
}

// WithTLS makes both OTLP receivers (gRPC and HTTP) serve TLS with the given
// PEM-encoded certificate (chain) and private key. HTTPEndpoint then returns
// an https URL. Clients must trust the certificate's issuer.
func WithTLS(certPEM, keyPEM []byte) Option {
	return func(o *options) {
		o.certPEM, o.keyPEM = certPEM, keyPEM
	}
}

// WithBearerToken makes both OTLP receivers require the header
// "Authorization: Bearer <token>" (bearertokenauth extension): requests
// without it are refused (HTTP 401, gRPC Unauthenticated).
func WithBearerToken(token string) Option {
	return func(o *options) {
		o.bearerToken = token
	}
}

// WithDebugVerbosity sets the verbosity of the debug exporter, whose output
// is the container's log: "basic" (the default), "normal" or "detailed".
func WithDebugVerbosity(verbosity string) Option {
	return func(o *options) {
		o.verbosity = verbosity
	}
}

// WithCORS lets web pages of the given origins send OTLP/HTTP: the HTTP
// receiver answers the browser's preflight and sets the CORS headers
// (cors.allowed_origins; "*" stands for any characters, as in
// "http://127.0.0.1:*"). Without it a browser refuses to send, and nothing
// arrives.
func WithCORS(origins ...string) Option {
	return func(o *options) {
		o.corsOrigins = append([]string(nil), origins...)
	}
}

// WithDataDir sets the host folder that is mounted at /data in the container,
// where the Collector writes traces.json, metrics.json and logs.json. Run
// creates it if needed and makes it world-writable (the Collector runs as
// uid 10001). The folder is left in place by Terminate. Without this option
// Run uses a new temporary folder, removed by Terminate.
func WithDataDir(dir string) Option {
	return func(o *options) {
		o.dataDir = dir
	}
}
