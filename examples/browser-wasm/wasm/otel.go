//go:build js && wasm

package main

import (
	"context"
	"errors"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// setupOTel installs a global tracer provider whose spans go to the
// Collector at OTEL_EXPORTER_OTLP_ENDPOINT over the browser's fetch, through
// a queue in localStorage (queue.go), and the W3C Trace Context propagator.
// The resource has service.name "shop-web" unless OTEL_SERVICE_NAME or
// OTEL_RESOURCE_ATTRIBUTES say otherwise.
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
		resource.WithAttributes(semconv.ServiceName("shop-web")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}
	// [START exporter]
	// The exporter's own transport sets a dialer, and a Go program compiled
	// for js/wasm uses fetch only for a transport without one: give it
	// http.DefaultTransport, or every export fails. The queue keeps what
	// could not be sent, so the client's own retry is off: a retry would
	// hold the batch processor for up to a minute while the browser is
	// offline.
	client := otlptracehttp.NewClient(
		otlptracehttp.WithHTTPClient(&http.Client{Transport: http.DefaultTransport}),
		otlptracehttp.WithRetry(otlptracehttp.RetryConfig{Enabled: false}),
	)
	traceExporter, err := otlptrace.New(ctx, newQueue(client))
	if err != nil {
		return nil, err
	}
	// A page lives for seconds, not hours: send each batch after one
	// second rather than the default five.
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter, sdktrace.WithBatchTimeout(time.Second)),
		sdktrace.WithResource(res),
	)
	// [END exporter]
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	return shutdownAll, nil
}
