// Command auth exports one span over OTLP/gRPC configured only by the
// standard variables, and exits 1 if an export failed: verify's tests run it
// against a Collector with TLS and a bearer token, once with the right token
// and once with a wrong one.
package main

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	// Export errors do not reach Shutdown: the SDK hands them to the
	// global error handler. Count them there.
	var failed atomic.Bool
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		failed.Store(true)
		fmt.Println("export failed:", err)
	}))
	ctx := context.Background()
	exp, err := otlptracegrpc.New(ctx)
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	_, span := tp.Tracer("auth").Start(ctx, "work")
	span.End()
	if err := tp.Shutdown(ctx); err != nil || failed.Load() {
		os.Exit(1)
	}
}
