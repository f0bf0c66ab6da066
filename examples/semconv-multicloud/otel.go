package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a global TracerProvider that exports over OTLP/HTTP
// (OTEL_EXPORTER_OTLP_*, and FAILOVER_OTLP_ENDPOINT: newSpanExporter) with
// the resource newResource builds, and a propagator that speaks both W3C
// Trace Context and X-Ray.
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

	start := time.Now()
	res, err := newResource(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Printf("resource detected in %s\n", time.Since(start).Round(time.Millisecond))
	for _, kv := range res.Attributes() {
		fmt.Printf("%s=%s\n", kv.Key, kv.Value.Emit())
	}

	exporter, err := newSpanExporter(ctx)
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
		// Trace IDs that start with the time, as X-Ray's own do; they are
		// valid W3C trace IDs too.
		sdktrace.WithIDGenerator(xray.NewIDGenerator()),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(newPropagator())
	return shutdownAll, nil
}

// [START propagator]
// newPropagator writes both traceparent and X-Amzn-Trace-Id on every
// outgoing request, and reads whichever an incoming one carries, so that a
// trace holds together across services that speak only one of them.
func newPropagator() propagation.TextMapPropagator {
	return propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, // W3C traceparent and tracestate
		xray.Propagator{},          // AWS X-Amzn-Trace-Id
		propagation.Baggage{},
	)
}

// [END propagator]

// [START resource]
// newResource describes the service and the cloud it runs on, whichever
// that is (firstCloud), or none.
func newResource(ctx context.Context) (*resource.Resource, error) {
	res, err := resource.New(ctx,
		resource.WithAttributes(semconv.ServiceName("checkout")),
		resource.WithDetectors(firstCloud{detectors: cloudDetectors()}),
		resource.WithTelemetrySDK(),
		resource.WithFromEnv(), // OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME
	)
	if errors.Is(err, resource.ErrPartialResource) {
		log.Printf("resource: %v", err)
		err = nil
	}
	return res, err
}

// [END resource]
