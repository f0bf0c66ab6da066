package main

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// setupOTel installs a MeterProvider and a TracerProvider, both exporting over
// OTLP/HTTP. The exporters read OTEL_EXPORTER_OTLP_ENDPOINT and the other
// OTEL_EXPORTER_OTLP_* variables, OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
// among them. The tracer provider is there for exemplars: a measurement made
// inside a sampled span points at that span.
func setupOTel(ctx context.Context) (mp *sdkmetric.MeterProvider, shutdown func(context.Context) error, err error) {
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("shop")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, nil, err
	}

	traceExporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, nil, err
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)

	// [START provider]
	metricExporter, err := otlpmetrichttp.New(ctx)
	if err != nil {
		return nil, nil, err
	}
	mp = sdkmetric.NewMeterProvider(
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
	// [END provider]

	otel.SetTracerProvider(tp)
	otel.SetMeterProvider(mp)

	shutdown = func(ctx context.Context) error {
		return errors.Join(tp.Shutdown(ctx), mp.Shutdown(ctx))
	}
	return mp, shutdown, nil
}
