// Command spankind shows the CLIENT, SERVER and INTERNAL span kinds: it
// serves an HTTP API and a gRPC health service on 127.0.0.1, calls both
// through instrumented clients, and exports the spans over OTLP/HTTP.
//
// It is configured only by the standard OTEL_* variables, e.g.
// OTEL_EXPORTER_OTLP_ENDPOINT.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START run]
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

	httpLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	httpSrv := &http.Server{Handler: newHTTPServer(), ReadHeaderTimeout: 5 * time.Second}
	httpErr := make(chan error, 1)
	go func() { httpErr <- httpSrv.Serve(httpLn) }()
	defer func() { err = errors.Join(err, stopHTTP(httpSrv, httpErr)) }()

	grpcLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	grpcSrv := newGRPCServer()
	grpcErr := make(chan error, 1)
	go func() { grpcErr <- grpcSrv.Serve(grpcLn) }()
	defer func() { err = errors.Join(err, stopGRPC(grpcSrv, grpcErr)) }()

	// One INTERNAL span around both calls, so they share a trace.
	ctx, span := tracer.Start(ctx, "refresh order")
	defer span.End()
	if err := getOrder(ctx, "http://"+httpLn.Addr().String(), "1001"); err != nil {
		return err
	}
	return checkHealth(ctx, grpcLn.Addr().String())
}

// [END run]

// stopHTTP stops accepting requests and waits for those in flight, at most
// shutdownTimeout. Serve's error is returned unless it is the
// http.ErrServerClosed that Shutdown causes.
func stopHTTP(srv *http.Server, serveErr <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-serveErr; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve HTTP: %w", serr))
	}
	return err
}

// stopGRPC lets the calls in flight finish, at most shutdownTimeout, then
// stops the server. After GracefulStop or Stop, Serve returns nil.
func stopGRPC(srv *grpc.Server, serveErr <-chan error) error {
	stopped := make(chan struct{})
	go func() { srv.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(shutdownTimeout):
		srv.Stop()
	}
	if err := <-serveErr; err != nil {
		return fmt.Errorf("serve gRPC: %w", err)
	}
	return nil
}
