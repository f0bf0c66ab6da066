// Command browser-wasm serves a web page whose telemetry comes from Go
// compiled to WebAssembly (the wasm folder), and the echo API the page calls.
// The page's spans go from the browser straight to the Collector over fetch;
// the server's spans go there from this process. One click is one trace
// across both.
//
// Build the page's module first (go generate runs the two commands in
// generate.go), then start the server:
//
//	go generate
//	OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 ADDR=127.0.0.1:8080 go run .
//
// It reads ADDR (default 127.0.0.1:8080) and the standard OTEL_* variables;
// it hands OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_RESOURCE_ATTRIBUTES on to the
// page (config.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() (err error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is already cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newMux("web"), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Printf("serving http://%s/\n", ln.Addr())

	select {
	case err = <-served:
		return err
	case <-ctx.Done():
	}
	// Stop serving before the providers stop, so the last server span
	// is exported. ErrServerClosed is what Serve returns after Shutdown.
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err = srv.Shutdown(stopCtx)
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	return err
}
