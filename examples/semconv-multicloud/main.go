// Command semconv-multicloud runs every cloud's resource detector with one
// precedence and a bounded wait, so that one build describes itself on AWS,
// Google Cloud or Azure, and starts quickly anywhere else. It prints how
// long detection took and the resource, then processes -orders orders: for
// each it calls two services of its own over HTTP, one that reads only W3C
// Trace Context and one that reads only X-Ray. It exports to a second
// Collector when the first fails (FAILOVER_OTLP_ENDPOINT), and exits.
//
// It reads the standard OTEL_* variables and those the detectors read (see
// the AWS, Google Cloud and Azure examples).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	orders := flag.Int("orders", 1, "how many orders to process")
	flag.Parse()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// Two downstream services, each reading one format only. They share
	// this process to keep the example short.
	inventory, stopInventory, err := serve("inventory", propagation.TraceContext{})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, stopInventory()) }()
	payments, stopPayments, err := serve("payments", xray.Propagator{})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, stopPayments()) }()

	tracer := otel.Tracer("oteldocs.dev/examples/semconv-multicloud")
	for i := 1; i <= *orders; i++ {
		ctx, span := tracer.Start(ctx, "order")
		fmt.Printf("order %d\n", i)
		err := errors.Join(call(ctx, inventory), call(ctx, payments))
		span.End()
		if err != nil {
			return err
		}
		time.Sleep(250 * time.Millisecond) // the rest of the order's work
	}
	return nil
}

// serve starts a service on 127.0.0.1 whose spans continue the trace found
// by prop, and returns its URL and a function that stops it.
func serve(name string, prop propagation.TextMapPropagator) (string, func() error, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /"+name, func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("%s got traceparent=%q X-Amzn-Trace-Id=%q\n", name, r.Header.Get("traceparent"), r.Header.Get("X-Amzn-Trace-Id"))
	})
	srv := &http.Server{
		Handler:           otelhttp.NewHandler(mux, name, otelhttp.WithPropagators(prop)),
		ReadHeaderTimeout: 5 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	stop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			return err
		}
		if err := <-served; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
	return "http://" + ln.Addr().String() + "/" + name, stop, nil
}

// call sends GET url with a CLIENT span named after the method; the global
// propagator writes both headers.
func call(ctx context.Context, url string) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method }),
	)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}
