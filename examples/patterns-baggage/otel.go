package main

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/processors/baggagecopy"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a TracerProvider that copies tenant.* baggage onto
// every span and exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, and
// the W3C trace context and baggage propagators.
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
		resource.WithAttributes(semconv.ServiceName("shop")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}

	traceExporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	// [START processor]
	tracerProvider := sdktrace.NewTracerProvider(
		// OnStart copies the chosen members of the baggage in the span's
		// parent context onto the span, as attributes.
		sdktrace.WithSpanProcessor(baggagecopy.NewSpanProcessor(tenantOnly)),
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)
	// [END processor]
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	// [START propagator]
	// Baggage travels in its own header, "baggage": without
	// propagation.Baggage{} it is neither sent nor read.
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{}))
	// [END propagator]
	return shutdownAll, nil
}

// [START filter]
// tenantOnly copies tenant.* members and nothing else: baggage comes in
// from callers you do not control, and anything copied is stored with
// every span.
func tenantOnly(m baggage.Member) bool { return strings.HasPrefix(m.Key(), "tenant.") }

// [END filter]
