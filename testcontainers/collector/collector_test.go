package collector_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"oteldocs.dev/testcontainers/collector"
	"oteldocs.dev/testcontainers/images"
)

var (
	imageOnce sync.Once
	imageRef  string
	imageErr  error
)

// start skips unless OTELDOCS_INTEGRATION=1, ensures the image (once per
// test binary) and runs a Collector that is terminated when the test ends.
func start(t *testing.T, opts ...testcontainers.ContainerCustomizer) *collector.Container {
	t.Helper()
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine; builds the Collector image)")
	}
	ctx := context.Background()
	imageOnce.Do(func() {
		start := time.Now()
		imageRef, imageErr = images.Ensure(ctx, collector.Image(), os.Stderr)
		t.Logf("image %s ready in %v", imageRef, time.Since(start).Round(time.Millisecond))
	})
	if imageErr != nil {
		t.Fatal(imageErr)
	}
	c, err := collector.Run(ctx, imageRef, opts...)
	testcontainers.CleanupContainer(t, c)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// traces returns one span named name.
func traces(name string) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "collector-test")
	span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName(name)
	span.SetKind(ptrace.SpanKindClient)
	span.SetTraceID(pcommon.TraceID([16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
	span.SetSpanID(pcommon.SpanID([8]byte{byte(len(name)), 2, 3, 4, 5, 6, 7, 8}))
	now := time.Now()
	span.SetStartTimestamp(pcommon.NewTimestampFromTime(now.Add(-time.Millisecond)))
	span.SetEndTimestamp(pcommon.NewTimestampFromTime(now))
	return td
}

// postHTTP sends one span over OTLP/HTTP (protobuf) and returns the status.
func postHTTP(t *testing.T, client *http.Client, endpoint, span, token string) int {
	t.Helper()
	body, err := ptraceotlp.NewExportRequestFromTraces(traces(span)).MarshalProto()
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, endpoint+"/v1/traces", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("post %s: %v", span, err)
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

// exportGRPC sends one span over OTLP/gRPC and returns the call's error.
func exportGRPC(t *testing.T, creds credentials.TransportCredentials, endpoint, span, token string) error {
	t.Helper()
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(creds))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if token != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	}
	_, err = ptraceotlp.NewGRPCClient(conn).Export(ctx, ptraceotlp.NewExportRequestFromTraces(traces(span)))
	return err
}

// receivedSpans returns the names of the spans in traces.json.
func receivedSpans(t *testing.T, c *collector.Container) []string {
	t.Helper()
	b, err := c.Received(collector.Traces)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var u ptrace.JSONUnmarshaler
	for line := range bytes.Lines(b) {
		td, err := u.UnmarshalTraces(line)
		if err != nil {
			t.Fatalf("traces.json line %q: %v", line, err)
		}
		for _, rs := range td.ResourceSpans().All() {
			for _, ss := range rs.ScopeSpans().All() {
				for _, s := range ss.Spans().All() {
					names = append(names, s.Name())
				}
			}
		}
	}
	return names
}

// waitForSpans polls traces.json until every span in want arrived.
func waitForSpans(t *testing.T, c *collector.Container, want ...string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := receivedSpans(t, c)
		missing := slices.DeleteFunc(slices.Clone(want), func(n string) bool { return slices.Contains(got, n) })
		if len(missing) == 0 {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("spans %q did not arrive within 10s; traces.json has %q", missing, got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func endpoints(t *testing.T, c *collector.Container) (grpcAddr, httpURL string) {
	t.Helper()
	ctx := context.Background()
	grpcAddr, err := c.GRPCEndpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	httpURL, err = c.HTTPEndpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return grpcAddr, httpURL
}

func TestReceivesOverHTTPAndGRPC(t *testing.T) {
	c := start(t)
	grpcAddr, httpURL := endpoints(t, c)
	t.Logf("gRPC %s, HTTP %s, data %s", grpcAddr, httpURL, c.DataDir())

	if code := postHTTP(t, http.DefaultClient, httpURL, "over-http", ""); code != http.StatusOK {
		t.Fatalf("OTLP/HTTP: status %d, want 200", code)
	}
	if err := exportGRPC(t, insecure.NewCredentials(), grpcAddr, "over-grpc", ""); err != nil {
		t.Fatalf("OTLP/gRPC: %v", err)
	}
	waitForSpans(t, c, "over-http", "over-grpc")

	for _, s := range []string{collector.Metrics, collector.Logs} {
		if b, err := c.Received(s); err != nil || len(b) != 0 {
			t.Errorf("Received(%s) = %q, %v; want nothing", s, b, err)
		}
	}
}

func TestBearerToken(t *testing.T) {
	const token = "s3cret-token"
	c := start(t, collector.WithBearerToken(token))
	grpcAddr, httpURL := endpoints(t, c)

	if code := postHTTP(t, http.DefaultClient, httpURL, "http-no-token", ""); code != http.StatusUnauthorized {
		t.Errorf("OTLP/HTTP without token: status %d, want 401", code)
	}
	if code := postHTTP(t, http.DefaultClient, httpURL, "http-bad-token", "wrong"); code != http.StatusUnauthorized {
		t.Errorf("OTLP/HTTP with a wrong token: status %d, want 401", code)
	}
	err := exportGRPC(t, insecure.NewCredentials(), grpcAddr, "grpc-no-token", "")
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("OTLP/gRPC without token: %v, want code Unauthenticated", err)
	}

	if code := postHTTP(t, http.DefaultClient, httpURL, "http-token", token); code != http.StatusOK {
		t.Errorf("OTLP/HTTP with token: status %d, want 200", code)
	}
	if err := exportGRPC(t, insecure.NewCredentials(), grpcAddr, "grpc-token", token); err != nil {
		t.Errorf("OTLP/gRPC with token: %v", err)
	}
	got := waitForSpans(t, c, "http-token", "grpc-token")
	for _, refused := range []string{"http-no-token", "http-bad-token", "grpc-no-token"} {
		if slices.Contains(got, refused) {
			t.Errorf("refused span %q reached traces.json", refused)
		}
	}
}

func TestTLS(t *testing.T) {
	ca, certPEM, keyPEM := newCertificates(t)
	c := start(t, collector.WithTLS(certPEM, keyPEM))
	grpcAddr, httpURL := endpoints(t, c)
	if !strings.HasPrefix(httpURL, "https://") {
		t.Fatalf("HTTPEndpoint = %q, want an https URL", httpURL)
	}

	// The certificate names localhost and 127.0.0.1; ServerName keeps the
	// check valid whatever host testcontainers reports.
	tlsConfig := &tls.Config{RootCAs: ca, ServerName: "localhost", MinVersion: tls.VersionTLS12}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}}
	if code := postHTTP(t, client, httpURL, "https-span", ""); code != http.StatusOK {
		t.Fatalf("OTLP/HTTP over TLS: status %d, want 200", code)
	}
	if err := exportGRPC(t, credentials.NewTLS(tlsConfig), grpcAddr, "grpcs-span", ""); err != nil {
		t.Fatalf("OTLP/gRPC over TLS: %v", err)
	}
	waitForSpans(t, c, "https-span", "grpcs-span")

	// A client that does not trust the CA is refused by its own check.
	untrusting := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{ServerName: "localhost"}}}
	_, err := untrusting.Post(httpURL+"/v1/traces", "application/x-protobuf", nil)
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Errorf("client without the CA: %v, want x509.UnknownAuthorityError", err)
	}
}

func TestRunRejectsBadOptions(t *testing.T) {
	// Checked before any container is created: no Docker needed.
	for name, opt := range map[string]collector.Option{
		"verbosity": collector.WithDebugVerbosity("loud"),
		"tls":       collector.WithTLS([]byte("cert"), nil),
	} {
		c, err := collector.Run(context.Background(), collector.ImageRef, opt)
		if err == nil || c != nil {
			t.Errorf("%s: Run = %v, %v; want no container and an error", name, c, err)
		}
		t.Logf("%s: %v", name, err)
	}
}
