package main

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a MeterProvider and a TracerProvider, both exporting over
// OTLP/HTTP. The exporters read OTEL_EXPORTER_OTLP_ENDPOINT and the other
// OTEL_EXPORTER_OTLP_* variables, OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
// among them. The tracer provider is there for exemplars: a measurement made
// inside a sampled span points at that span.
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
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// [START provider]
	metricExporter, err := otlpmetrichttp.New(ctx)
	if err != nil {
		return nil, err
	}
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithResource(res),
		// Collects every OTEL_METRIC_EXPORT_INTERVAL (default 60s) and once
		// more on Shutdown.
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		// A View replaces the default buckets, which are made for
		// milliseconds (0, 5, 10, 25, ... 10000), with ones that suit a
		// duration in seconds.
		sdkmetric.WithView(sdkmetric.NewView(
			sdkmetric.Instrument{Name: "shop.checkout.duration"},
			sdkmetric.Stream{Aggregation: sdkmetric.AggregationExplicitBucketHistogram{
				Boundaries: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25},
			}},
		)),
		// At most 5 points per instrument and collection: the first 4
		// attribute sets keep their own, every later one is summed into a
		// fifth point marked otel.metric.overflow=true. Deliberately tiny
		// so that this demo overflows: the default is 2000.
		sdkmetric.WithCardinalityLimit(5),
	)
	shutdowns = append(shutdowns, meterProvider.Shutdown)
	// [END provider]

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetMeterProvider(meterProvider)
	return shutdownAll, nil
}
