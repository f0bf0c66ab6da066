package main

import (
	"context"
	"errors"
	"log"
	"os"
	"time"

	"github.com/go-logr/stdr"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a global MeterProvider that exports over OTLP/HTTP to
// OTEL_EXPORTER_OTLP_ENDPOINT (and the other standard OTEL_EXPORTER_OTLP_*
// variables), and a logger for the SDK's own warnings. The resource reads
// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
//
// The returned function flushes and stops the provider.
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
		resource.WithAttributes(semconv.ServiceName("jobs")), // default, env wins
		resource.WithFromEnv(),
	)
	if err != nil {
		return nil, err
	}

	metricExporter, err := otlpmetrichttp.New(ctx)
	if err != nil {
		return nil, err
	}
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		sdkmetric.WithResource(res),
	)
	shutdowns = append(shutdowns, meterProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetMeterProvider(meterProvider)
	// [START sdk-logger]
	// The SDK logs through a logr.Logger. The default one prints errors
	// only; verbosity 1 adds warnings (4 info, 8 debug).
	stdr.SetVerbosity(1)
	otel.SetLogger(stdr.New(log.New(os.Stderr, "otel: ", 0)))
	// [END sdk-logger]
	return shutdownAll, nil
}
