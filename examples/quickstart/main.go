// Command quickstart is a small users service: echo for HTTP, sqlx on
// Postgres for storage, and OpenTelemetry traces, metrics and logs exported
// over OTLP/HTTP.
//
// It is configured only by environment variables: DATABASE_URL for Postgres,
// and the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT,
// OTEL_SERVICE_NAME, ...) for telemetry. ADDR sets the listen address
// (default :8080).
//
// With -demo it sends a few requests to itself and exits, so one command shows
// telemetry arriving at your Collector.
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
	"os"
	"os/signal"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	demo := flag.Bool("demo", false, "send a few requests to the service, then exit")
	flag.Parse()
	if err := run(context.Background(), *demo); err != nil {
		log.Fatal(err)
	}
}

// [START run]
func run(ctx context.Context, demo bool) (err error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// Flush what is buffered even when run fails. A fresh context: ctx may
	// already be cancelled by Ctrl-C.
	defer func() {
		flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = errors.Join(err, shutdown(flushCtx))
	}()

	db, err := openDB(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer db.Close()
	if err := migrate(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newServer(db), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	log.Printf("listening on %s", ln.Addr())

	if demo {
		return sendRequests(ctx, "http://"+ln.Addr().String())
	}
	<-ctx.Done()
	return nil
}

// [END run]

// [START client]
// sendRequests calls the service through an otelhttp transport, which starts
// a CLIENT span per request and sends its context in the traceparent header.
func sendRequests(ctx context.Context, base string) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	for _, path := range []string{"/users/1", "/users/2", "/users/42"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		log.Printf("GET %s: %s", path, resp.Status)
	}
	return nil
}

// [END client]
