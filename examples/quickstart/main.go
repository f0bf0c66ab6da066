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
	// Flush what is buffered even when run fails. It runs last, after the
	// server below has stopped, so the spans of the last requests are in.
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
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
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	log.Printf("listening on %s", ln.Addr())

	if demo {
		err = sendRequests(ctx, "http://"+ln.Addr().String())
	} else {
		select {
		case <-ctx.Done(): // Ctrl-C
		case serr := <-serveErr:
			return fmt.Errorf("serve: %w", serr)
		}
	}
	return errors.Join(err, stopServer(srv, serveErr))
}

// stopServer stops accepting requests and waits for those in flight, at
// most shutdownTimeout. Serve's error is returned unless it is the
// http.ErrServerClosed that Shutdown causes.
func stopServer(srv *http.Server, serveErr <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-serveErr; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve: %w", serr))
	}
	return err
}

// [END run]

// [START client]
// sendRequests calls the service through an otelhttp transport, which starts
// a CLIENT span per request and sends its context in the traceparent header.
// The semantic conventions name a client span after the method alone:
// otelhttp's default would be "HTTP GET".
func sendRequests(ctx context.Context, base string) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
	)}
	// Two users, one missing user and a path that no route matches.
	for _, path := range []string{"/users/1", "/users/2", "/users/42", "/healthz"} {
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
