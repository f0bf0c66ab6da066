// Command patterns-context is a small shop service that does part of its
// work outside the request's goroutine: lookups in parallel with errgroup,
// orders handed to a worker over a channel, and a welcome email sent after
// the response. It serves until Ctrl-C (SIGINT) or SIGTERM.
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
	"sync"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is already cancelled by the signal.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// [START drain]
	// Work that outlives a request must end before the providers shut
	// down, or its spans are lost: the server drains first, then the
	// worker and the background goroutines, then (deferred above) the
	// providers.
	s := &shop{jobs: make(chan orderJob, 16)}
	var worker sync.WaitGroup
	worker.Go(func() { s.work() })
	defer func() {
		close(s.jobs)
		worker.Wait()
		s.background.Wait()
	}()
	// [END drain]

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           otelhttp.NewHandler(s.routes(), "shop"),
		ReadHeaderTimeout: 5 * time.Second,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.ListenAndServe() }()
	log.Printf("listening on %s", addr)

	select {
	case <-ctx.Done():
		log.Print("shutting down")
	case serr := <-serveErr:
		return fmt.Errorf("serve: %w", serr)
	}
	return stopServer(srv, serveErr)
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
