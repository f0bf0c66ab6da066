// Command patterns-setup is a small reports service. It serves until
// Ctrl-C (SIGINT) or SIGTERM; then it stops taking requests, lets those in
// flight finish, and only then flushes its spans.
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

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START drain]
// drainTimeout bounds how long Shutdown waits for requests in flight.
// Kubernetes kills a pod terminationGracePeriodSeconds (30 s by default)
// after SIGTERM: drainTimeout plus shutdownTimeout must fit in it.
const drainTimeout = 20 * time.Second

// [END drain]

// [START run]
func run(ctx context.Context) (err error) {
	// Ctrl-C sends SIGINT; docker stop and Kubernetes send SIGTERM.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// Deferred first, so it runs last: after the server has drained.
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
	srv := &http.Server{Addr: addr, Handler: newHandler(), ReadHeaderTimeout: 5 * time.Second}
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
// most drainTimeout. Their spans end before the providers are shut down.
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

// newHandler routes the requests and wraps the mux in otelhttp, which
// starts a SERVER span per request and names it after the mux pattern.
func newHandler() http.Handler {
	reports := NewReports() // the global TracerProvider
	mux := http.NewServeMux()
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		body, err := reports.Build(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, body)
	})
	return otelhttp.NewHandler(mux, "reports")
}
