package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in main. It is longer than one
// export needs: this example shows exporters retrying during shutdown (the
// slow case on the page runs into it).
const shutdownTimeout = 15 * time.Second

// setupOTel installs global providers for traces, metrics and logs, each
// exporting over OTLP/HTTP as the OTEL_EXPORTER_OTLP_* variables say, with
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
	// Endpoint, TLS, headers, compression, timeout and (for traces) the
	// encoding come from the OTEL_EXPORTER_OTLP_* variables. Retry has no
	// variable: it is set here, the same for the three exporters.
	retry := otlptracehttp.RetryConfig{
		Enabled:         true,
		InitialInterval: time.Second,
		MaxInterval:     5 * time.Second,
		MaxElapsedTime:  10 * time.Second,
	}
	traceExporter, err := otlptracehttp.New(ctx,
		otlptracehttp.WithRetry(retry))
	if err != nil {
		return nil, err
	}
	metricExporter, err := otlpmetrichttp.New(ctx,
		otlpmetrichttp.WithRetry(otlpmetrichttp.RetryConfig(retry)))
	if err != nil {
		return nil, err
	}
	logExporter, err := otlploghttp.New(ctx,
		otlploghttp.WithRetry(otlploghttp.RetryConfig(retry)))
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

	// Failed exports of batched spans and log records do not come back from
	// Shutdown: the SDK passes them to the global error handler. Log and
	// count them, and report the count after the providers have flushed.
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
	otel.SetTracerProvider(tracerProvider)
	otel.SetMeterProvider(meterProvider)
	otel.SetLoggerProvider(loggerProvider)
	return shutdownAll, nil
}
