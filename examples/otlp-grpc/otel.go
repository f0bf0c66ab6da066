package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"google.golang.org/grpc"
)

// setupOTel installs global providers for traces, metrics and logs, each
// exporting over OTLP/gRPC. The returned function flushes and stops all
// three; call it before the program exits.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	// [START errors]
	// Failed exports of batched spans and log records are not returned by
	// Shutdown: the SDK hands them to the global error handler, which by
	// default only logs them. Count them, so that shutdown can report them.
	var exportErrors atomic.Int64
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		exportErrors.Add(1)
		log.Printf("otel: %v", err)
	}))
	// [END errors]

	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("orders")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}

	// [START exporters]
	// Endpoint, TLS, headers and timeout come from the OTEL_EXPORTER_OTLP_*
	// variables. Compression and retry are set here: an option given in
	// code wins over the variable.
	retry := otlptracegrpc.RetryConfig{
		Enabled:         true,
		InitialInterval: 500 * time.Millisecond,
		MaxInterval:     5 * time.Second,
		MaxElapsedTime:  30 * time.Second,
	}
	wire := grpc.WithStatsHandler(exportStats{})

	traceExporter, err := otlptracegrpc.New(ctx,
		otlptracegrpc.WithCompressor("gzip"),
		otlptracegrpc.WithRetry(retry),
		otlptracegrpc.WithDialOption(wire),
	)
	if err != nil {
		return nil, err
	}
	metricExporter, err := otlpmetricgrpc.New(ctx,
		otlpmetricgrpc.WithCompressor("gzip"),
		otlpmetricgrpc.WithRetry(otlpmetricgrpc.RetryConfig(retry)),
		otlpmetricgrpc.WithDialOption(wire),
	)
	if err != nil {
		return nil, err
	}
	logExporter, err := otlploggrpc.New(ctx,
		otlploggrpc.WithCompressor("gzip"),
		otlploggrpc.WithRetry(otlploggrpc.RetryConfig(retry)),
		otlploggrpc.WithDialOption(wire),
	)
	if err != nil {
		return nil, err
	}
	// [END exporters]

	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		sdkmetric.WithResource(res),
	)
	loggerProvider := sdklog.NewLoggerProvider(
		sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter)),
		sdklog.WithResource(res),
	)
	otel.SetTracerProvider(tracerProvider)
	otel.SetMeterProvider(meterProvider)
	otel.SetLoggerProvider(loggerProvider)

	// [START shutdown]
	shutdown = func(ctx context.Context) error {
		err := errors.Join(
			tracerProvider.Shutdown(ctx),
			meterProvider.Shutdown(ctx),
			loggerProvider.Shutdown(ctx),
		)
		if n := exportErrors.Load(); n > 0 {
			err = errors.Join(err, fmt.Errorf("%d export errors went to the error handler", n))
		}
		return err
	}
	// [END shutdown]
	return shutdown, nil
}
