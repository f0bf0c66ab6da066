package main

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// setupOTel installs a TracerProvider and a MeterProvider exporting over
// OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, and the W3C propagators that
// read the devices' context from user properties. Both exporters send
// through a disk buffer (OFFLINE_BUFFER_* variables, diskbuffer.go).
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
		resource.WithAttributes(semconv.ServiceName("sensor-gateway")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}
	// One disk buffer for both signals: while the Collector is away, export
	// requests wait on disk (diskbuffer.go).
	buffer, err := newDiskBuffer()
	if err != nil {
		return nil, err
	}
	client := &http.Client{Transport: buffer}
	traceExporter, err := otlptracehttp.New(ctx, otlptracehttp.WithHTTPClient(client))
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(traceExporter), sdktrace.WithResource(res))
	shutdowns = append(shutdowns, tracerProvider.Shutdown)
	metricExporter, err := otlpmetrichttp.New(ctx, otlpmetrichttp.WithHTTPClient(client))
	if err != nil {
		return nil, err
	}
	// The periodic reader exports every minute (OTEL_METRIC_EXPORT_INTERVAL)
	// and once more at shutdown.
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		sdkmetric.WithResource(res))
	shutdowns = append(shutdowns, meterProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetMeterProvider(meterProvider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{},
	))
	return shutdownAll, nil
}
