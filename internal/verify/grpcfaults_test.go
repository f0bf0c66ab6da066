package verify

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/encoding/gzip"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"oteldocs.dev/internal/spec"
)

// healthService is a long name: grpc-go does not compress an empty message.
const healthService = "oteldocs.dev/verify/a-service-name-long-enough-to-compress"

// healthThroughProxy starts a real gRPC server (the health service) on
// loopback, a proxy in front of it, and a client connected to the proxy.
func healthThroughProxy(t *testing.T, f *spec.GRPCFaults) (*grpcProxy, healthpb.HealthClient) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	hs := health.NewServer()
	hs.SetServingStatus(healthService, healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(srv, hs)
	go srv.Serve(ln)
	t.Cleanup(srv.Stop)
	p, err := startGRPCProxy(ln.Addr().String(), f)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	conn, err := grpc.NewClient(strings.TrimPrefix(p.URL(), "http://"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return p, healthpb.NewHealthClient(conn)
}

// Verify that the first call of each method gets the injected status, the
// next is forwarded to the real server, and both are recorded with their
// compression.
func TestGRPCProxyFaults(t *testing.T) {
	p, client := healthThroughProxy(t, &spec.GRPCFaults{Code: "Unavailable", Count: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: healthService}, grpc.UseCompressor(gzip.Name))
	if status.Code(err) != codes.Unavailable || !strings.Contains(err.Error(), "injected by verify's proxy") {
		t.Fatalf("first call: %v, want the injected Unavailable", err)
	}
	resp, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: healthService}, grpc.UseCompressor(gzip.Name))
	if err != nil || resp.Status != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("second call: %v, %v; want SERVING from the server behind the proxy", resp, err)
	}
	if _, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: healthService}); err != nil {
		t.Fatalf("uncompressed call: %v", err)
	}
	reqs := p.Requests()
	if len(reqs) != 3 {
		t.Fatalf("recorded %d requests, want 3:\n%s", len(reqs), p.Log())
	}
	want := []struct {
		enc        string
		compressed bool
		answered   string
		forwarded  bool
	}{{"gzip", true, "Unavailable", false}, {"gzip", true, "OK", true}, {"", false, "OK", true}}
	for i, w := range want {
		r := reqs[i]
		if r.Path != "/grpc.health.v1.Health/Check" || r.ContentType != "application/grpc" || r.GRPCEncoding != w.enc ||
			r.Compressed != w.compressed || r.Answered != w.answered || r.Forwarded != w.forwarded {
			t.Errorf("request %d = %+v, want %+v", i, r, w)
		}
	}
	if !strings.Contains(p.Log(), "Health/Check (") || !strings.Contains(p.Log(), "answered Unavailable (injected)") {
		t.Errorf("log:\n%s", p.Log())
	}
}

// Verify that retry_after becomes a RetryInfo detail the client can read.
func TestGRPCProxyRetryInfo(t *testing.T) {
	_, client := healthThroughProxy(t, &spec.GRPCFaults{Code: "ResourceExhausted", Count: 1, RetryAfter: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: healthService})
	st := status.Convert(err)
	if st.Code() != codes.ResourceExhausted {
		t.Fatalf("got %v, want ResourceExhausted", err)
	}
	var delay time.Duration
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok {
			delay = ri.RetryDelay.AsDuration()
		}
	}
	if delay != 2*time.Second {
		t.Errorf("RetryInfo delay = %v, want 2s (details %v)", delay, st.Details())
	}
}
