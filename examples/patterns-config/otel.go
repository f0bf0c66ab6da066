package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/go-logr/logr"
	"go.opentelemetry.io/contrib/exporters/autoexport"
	"go.opentelemetry.io/contrib/otelconf"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a TracerProvider: from the file in OTEL_CONFIG_FILE
// when that is set (setupFromFile), else with the exporter
// OTEL_TRACES_EXPORTER names.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {

	// [START file]
	if _, ok := os.LookupEnv("OTEL_CONFIG_FILE"); ok {
		return setupFromFile(ctx)
	}
	// [END file]

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
		resource.WithAttributes(semconv.ServiceName("inventory")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}

	// [START autoexport]
	// OTEL_TRACES_EXPORTER picks the exporter: otlp (the default, with
	// OTEL_EXPORTER_OTLP_PROTOCOL choosing http/protobuf or grpc), console
	// (stdout) or none.
	traceExporter, err := autoexport.NewSpanExporter(ctx)
	if err != nil {
		return nil, err
	}
	// [END autoexport]
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(traceExporter),
		sdktrace.WithResource(res),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{}))
	return shutdownAll, nil
}

// [START diagnostics]
// setDiagnostics installs the SDK's logger and error handler. run calls it
// before setupOTel, so that problems while setting up are reported too.
func setDiagnostics() {
	// The SDK reports on itself through a logr.Logger: warnings are V(1),
	// info V(4), debug V(8). slog's level -8 shows all of them; errors are
	// always shown.
	otel.SetLogger(logr.FromSlogHandler(slog.NewTextHandler(os.Stderr,
		&slog.HandlerOptions{Level: slog.Level(-8)})))
	// The error handler gets each error the SDK cannot return to a caller,
	// such as a batch that could not be exported. The default one prints it
	// with the standard log package; this one marks it so it stands out
	// (send it to your own logger, or count it, instead).
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		log.Printf("opentelemetry error: %v", err)
	}))
}

// [END diagnostics]

// [START sdk]
// setupFromFile builds every provider from the declarative configuration
// file that OTEL_CONFIG_FILE names: otelconf.NewSDK reads and parses it
// (${VAR} in it expands from the environment) and builds the providers the
// file describes. The other OTEL_* variables no longer configure anything.
func setupFromFile(ctx context.Context) (shutdown func(context.Context) error, err error) {
	sdk, err := otelconf.NewSDK(otelconf.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	otel.SetTracerProvider(sdk.TracerProvider())
	otel.SetMeterProvider(sdk.MeterProvider())
	otel.SetLoggerProvider(sdk.LoggerProvider())
	otel.SetTextMapPropagator(sdk.Propagator())
	return sdk.Shutdown, nil
}

// [END sdk]
