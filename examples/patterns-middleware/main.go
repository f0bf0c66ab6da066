// Command patterns-middleware instruments the same kind of service three
// ways, net/http, echo and gRPC, and calls each one with an instrumented
// client, so every call is one trace from the client to the server.
// The three servers listen on free ports of the loopback interface; the
// program stops them and exits once the calls are done.
//
// It is configured only by the standard OTEL_* variables
// (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	stdURL, stopStd, err := serveHTTP(newStdlibServer())
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, stopStd()) }()
	echoURL, stopEcho, err := serveHTTP(newEchoServer())
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, stopEcho()) }()
	grpcAddr, stopGRPC, err := serveGRPC()
	if err != nil {
		return err
	}
	defer stopGRPC()

	client := newHTTPClient()
	for _, url := range []string{stdURL + "/items/42", echoURL + "/users/7"} {
		if err := get(ctx, client, url); err != nil {
			return err
		}
	}
	return checkHealth(ctx, grpcAddr)
}

// serveHTTP serves h on a free port of the loopback interface. stop shuts
// the server down, letting requests in flight finish.
func serveHTTP(h http.Handler) (url string, stop func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	stop = func() error {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err := srv.Shutdown(ctx)
		if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
			err = errors.Join(err, serr)
		}
		return err
	}
	return "http://" + ln.Addr().String(), stop, nil
}
