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
		flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = errors.Join(err, shutdown(flushCtx))
	}()

	httpLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	httpSrv := &http.Server{Handler: newHTTPServer(), ReadHeaderTimeout: 5 * time.Second}
	go httpSrv.Serve(httpLn)
	defer httpSrv.Close()

	grpcLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	grpcSrv := serveGRPC(grpcLn)
	defer grpcSrv.Stop()

	// One INTERNAL span around both calls, so they share a trace.
	ctx, span := tracer.Start(ctx, "refresh order")
	defer span.End()
	if err := getOrder(ctx, "http://"+httpLn.Addr().String(), "1001"); err != nil {
		return err
	}
	return checkHealth(ctx, grpcLn.Addr().String())
}

// [END run]
