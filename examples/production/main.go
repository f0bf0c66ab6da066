// Command production is the quick start's service shape made ready to run
// in a container: it serves a health check for Kubernetes probes and one
// slow endpoint, and on SIGTERM it stops taking requests, finishes those in
// flight within a deadline, then flushes its spans.
//
// It is configured only by environment variables: the standard OTEL_*
// variables for telemetry, and ADDR for the listen address (default :8080).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START grace]
// drainTimeout bounds how long the server waits for requests in flight
// after SIGTERM. Kubernetes kills the pod terminationGracePeriodSeconds
// (30 s by default) after SIGTERM, so drainTimeout plus shutdownTimeout
// must stay below it, or the spans still buffered are lost with the pod.
const drainTimeout = 20 * time.Second

// [END grace]

// [START run]
func run(ctx context.Context) (err error) {
	// Kubernetes and docker stop send SIGTERM; Ctrl-C sends SIGINT.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// Runs last, after the server has drained, so the spans of the
	// requests that were in flight at SIGTERM are in the final export.
	defer func() {
		// A fresh context: ctx is already cancelled by the signal.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	srv := &http.Server{Addr: addr, Handler: newServer(), ReadHeaderTimeout: 5 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.ListenAndServe() }()
	log.Printf("listening on %s", addr)

	select {
	case <-ctx.Done():
		log.Print("signal received, draining requests in flight")
	case serr := <-serveErr:
		return fmt.Errorf("serve: %w", serr)
	}
	return stopServer(srv, serveErr)
}

// stopServer closes the listener and waits for the requests in flight, at
// most drainTimeout. Shutdown, unlike Close, lets their handlers finish, so
// their spans end and reach the exporter before it is flushed.
func stopServer(srv *http.Server, serveErr <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-serveErr; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve: %w", serr))
	}
	log.Print("drained")
	return err
}

// [END run]
