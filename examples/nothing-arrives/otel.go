package main

import (
	"context"
	"errors"
	"log"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// tracer starts the spans of this program, from the global TracerProvider.
var tracer = otel.Tracer("oteldocs.dev/examples/nothing-arrives")

// setupOTel installs a global TracerProvider that exports spans over
// OTLP/HTTP, and an error handler that prints what the SDK could not do.
// The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT and the other standard
// OTEL_EXPORTER_OTLP_* variables; the batch processor reads OTEL_BSP_*; the
// resource reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
//
// The returned function flushes and stops the provider. Call it before
// exit, or the last batch of spans is lost.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	var shutdowns []func(context.Context) error
	shutdownAll := func(ctx context.Context) error {
		var errs error
		for _, fn := range shutdowns {
			errs = errors.Join(errs, fn(ctx))
		}
		shutdowns = nil
		return errs
	}
	// If a later step fails, stop the providers already built.
	defer func() {
		if err != nil {
			err = errors.Join(err, shutdownAll(ctx))
		}
	}()

	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("smoke-test")), // default, env wins
		resource.WithFromEnv(),
	)
	if err != nil {
		return nil, err
	}

	traceExporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	//
	// [START handler]
	// A failed export of a batch does not come back to the caller: the batch
	// processor hands it to the global error handler. The default handler
	// writes it through the SDK's internal logger; this one prints it plainly
	// to stderr, where it is hard to miss.
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		log.Printf("otel: %v", err)
	}))
	// [END handler]
	otel.SetTracerProvider(tracerProvider)
	return shutdownAll, nil
}
