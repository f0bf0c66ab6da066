package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// version is the release of this service; a release build sets it with
// -ldflags "-X main.version=...".
var version = "1.4.2"

// setupOTel installs a global TracerProvider that exports over OTLP/HTTP
// (OTEL_EXPORTER_OTLP_*) with the resource newResource builds, and prints
// that resource.
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

	res, err := newResource(ctx)
	if err != nil {
		return nil, err
	}
	printResource(res)

	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{},
	))
	return shutdownAll, nil
}

// [START resource]
// newResource describes this process. resource.New runs its options in
// order and merges each result over the ones before: a later option wins a
// key. So the service's own defaults come first, the detectors next, and the
// environment last, letting whoever deploys the service override any key
// with OTEL_RESOURCE_ATTRIBUTES or OTEL_SERVICE_NAME.
func newResource(ctx context.Context) (*resource.Resource, error) {
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		// service.instance.id: a random UUID, new at every start.
		resource.WithService(),
		resource.WithAttributes(
			semconv.ServiceName("checkout"),
			semconv.ServiceVersion(version),
		),
		resource.WithTelemetrySDK(), // telemetry.sdk.*
		resource.WithHost(),         // host.name
		resource.WithOS(),           // os.type, os.description
		resource.WithProcess(),      // process.* (pid, executable, owner, runtime)
		resource.WithContainer(),    // container.id, from /proc/self/cgroup
		resource.WithFromEnv(),      // OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME
	)
	// A malformed OTEL_RESOURCE_ATTRIBUTES, or a detector that found only
	// part of what it looks for, gives a partial resource: keep it.
	if errors.Is(err, resource.ErrPartialResource) {
		log.Printf("resource: %v", err)
		err = nil
	}
	return res, err
}

// [END resource]

// printResource prints the schema URL and each attribute, one per line.
func printResource(res *resource.Resource) {
	fmt.Println("schema:", res.SchemaURL())
	for _, kv := range res.Attributes() {
		fmt.Printf("%s=%s\n", kv.Key, valueString(kv.Value))
	}
}

// valueString prints a string attribute as it is and any other kind in Go
// syntax, so that a list shows its brackets.
func valueString(v attribute.Value) string {
	if v.Type() == attribute.STRING {
		return v.AsString()
	}
	return v.Emit()
}
