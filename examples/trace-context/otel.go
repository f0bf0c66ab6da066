package main

import (
	"context"

	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// setupOTel installs a global tracer provider that exports over OTLP/HTTP,
// and the global propagator. The returned function flushes and stops the
// provider; call it before the program exits.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("stock")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
	)
	otel.SetTracerProvider(tracerProvider)

	// [START propagator]
	// The global propagator is a no-op until one is set: without this line
	// no traceparent header is sent, and every service starts its own trace.
	// autoprop reads OTEL_PROPAGATORS (default "tracecontext,baggage").
	otel.SetTextMapPropagator(autoprop.NewTextMapPropagator())
	// [END propagator]

	return tracerProvider.Shutdown, nil
}
