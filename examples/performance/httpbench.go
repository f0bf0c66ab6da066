package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// httpBenchmarks measure one GET over loopback three ways: bare, with the
// server wrapped by otelhttp.NewHandler, and with the client's transport
// wrapped by otelhttp.NewTransport too. The difference between the rows is
// what otelhttp adds to a request. Spans are recorded (always sampled) by a
// provider without a processor, as in the span rows; metrics go to meters.
func httpBenchmarks(meters metric.MeterProvider) []benchmark {
	tracers := sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.AlwaysSample()))
	opts := []otelhttp.Option{
		otelhttp.WithTracerProvider(tracers),
		otelhttp.WithMeterProvider(meters),
		otelhttp.WithPropagators(propagation.TraceContext{}),
	}
	hello := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "hello\n")
	})
	return []benchmark{
		{name: "http/bare", fn: getLoop(hello, http.DefaultTransport)},
		{name: "http/otelhttp-server", fn: getLoop(otelhttp.NewHandler(hello, "hello", opts...), http.DefaultTransport)},
		{name: "http/otelhttp-both", fn: getLoop(
			otelhttp.NewHandler(hello, "hello", opts...),
			otelhttp.NewTransport(http.DefaultTransport, opts...),
		)},
	}
}

// getLoop serves handler on a loopback port and sends it b.N GETs through
// transport, reusing the connection.
func getLoop(handler http.Handler, transport http.RoundTripper) func(*testing.B) {
	return func(b *testing.B) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatalf("listen on loopback: %v", err)
		}
		srv := &http.Server{Handler: handler}
		go srv.Serve(ln)
		defer srv.Close()

		client := &http.Client{Transport: transport}
		url := fmt.Sprintf("http://%s/hello", ln.Addr())
		for b.Loop() {
			resp, err := client.Get(url)
			if err != nil {
				b.Fatalf("GET %s: %v", url, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}
