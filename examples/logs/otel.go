package main

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a LoggerProvider and a TracerProvider, both exporting
// over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. The tracer provider is there
// for correlation: a record logged inside a span carries its ids.
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
		resource.WithAttributes(semconv.ServiceName("checkout")), // default, env wins
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
	logExporter, err := otlploghttp.New(ctx)
	if err != nil {
		return nil, err
	}
	loggerProvider := sdklog.NewLoggerProvider(
		sdklog.WithResource(res),
		// Every record goes to every processor, in this order. redact
		// changes the record in place, so it comes before the processor
		// that exports it.
		sdklog.WithProcessor(redact{keys: []string{"payment.card"}}),
		// The batch processor queues records and exports them from a
		// goroutine every OTEL_BLRP_SCHEDULE_DELAY (default 1s), or sooner
		// when a batch is full. Wrapping it is the only way to drop
		// records: here, below WARN from the chatty cache package.
		sdklog.WithProcessor(quiet{
			Processor: sdklog.NewBatchProcessor(logExporter),
			scope:     "oteldocs.dev/examples/logs/cache",
			min:       log.SeverityWarn,
		}),
	)
	// Its Shutdown flushes the batch processor's queue.
	shutdowns = append(shutdowns, loggerProvider.Shutdown)
	// [END provider]

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetLoggerProvider(loggerProvider)
	return shutdownAll, nil
}
