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

// shutdownTimeout bounds the final flush in main. It is longer than one
// export needs: this example shows exporters retrying during shutdown, and
// each of the three providers may spend up to OTEL_EXPORTER_OTLP_TIMEOUT.
const shutdownTimeout = 15 * time.Second

// setupOTel installs global providers for traces, metrics and logs, each
// exporting over OTLP/gRPC as the OTEL_EXPORTER_OTLP_* variables say, with
// the resource of OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (service
// name "orders" by default). The returned function flushes and stops all
// three, and fails if any export failed; call it before the program exits.
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
	shutdowns = append(shutdowns, tracerProvider.Shutdown)
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		sdkmetric.WithResource(res),
	)
	shutdowns = append(shutdowns, meterProvider.Shutdown)
	loggerProvider := sdklog.NewLoggerProvider(
		sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter)),
		sdklog.WithResource(res),
	)
	shutdowns = append(shutdowns, loggerProvider.Shutdown)

	// [START errors]
	// Failed exports of batched spans and log records are not returned by
	// Shutdown: the SDK hands them to the global error handler, which by
	// default only logs them. Count them, and report the count last, after
	// the providers have flushed.
	var exportErrors atomic.Int64
	shutdowns = append(shutdowns, func(context.Context) error {
		if n := exportErrors.Load(); n > 0 {
			return fmt.Errorf("%d export errors went to the error handler", n)
		}
		return nil
	})

	// Install globals only once every step succeeded.
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		exportErrors.Add(1)
		log.Printf("otel: %v", err)
	}))
	// [END errors]
	otel.SetTracerProvider(tracerProvider)
	otel.SetMeterProvider(meterProvider)
	otel.SetLoggerProvider(loggerProvider)
	return shutdownAll, nil
}
