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

// setupOTel installs global providers for traces, metrics and logs, each
// exporting over OTLP/HTTP. The returned function flushes and stops all
// three; call it before the program exits.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	// Failed exports of batched spans and log records do not come back from
	// Shutdown: the SDK passes them to the global error handler. Log and
	// count them, so that shutdown can report them.
	var exportErrors atomic.Int64
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		exportErrors.Add(1)
		log.Printf("otel: %v", err)
	}))

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
	return shutdown, nil
}
