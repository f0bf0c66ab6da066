package main

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0" // older on purpose: the SDK uses v1.43.0
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a global TracerProvider that exports spans over
// OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. Its resource is built as older
// pages build it, and that step fails.
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

	// [START merge]
	// semconv v1.26.0 pins its own schema URL; resource.Default() carries
	// the one of the semconv version inside the SDK. Two different schema
	// URLs cannot be merged: Merge returns ErrSchemaURLConflict.
	res, err := resource.Merge(
		resource.Default(),
		resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("checkout")),
	)
	if err != nil {
		return nil, err
	}
	// [END merge]

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
	otel.SetTracerProvider(tracerProvider)
	return shutdownAll, nil
}
