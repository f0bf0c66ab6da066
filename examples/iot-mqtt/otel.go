package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a TracerProvider exporting over OTLP/HTTP to
// OTEL_EXPORTER_OTLP_ENDPOINT, and the W3C propagators that write the
// context into user properties. It keeps at most TRACE_BURST traces at once
// and one more every TRACE_EVERY (see traceSampler), and sends spans in
// batches sized for a slow link (see batchOptions). The exporter reads the
// standard OTEL_EXPORTER_OTLP_* variables, OTEL_EXPORTER_OTLP_COMPRESSION=gzip
// among them.
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
		resource.WithAttributes(semconv.ServiceName("sensor-device")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}
	sampler, err := traceSampler()
	if err != nil {
		return nil, err
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sampler),
		sdktrace.WithBatcher(exporter, batchOptions()...),
		sdktrace.WithResource(res),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{},
	))
	return shutdownAll, nil
}

// [START thin]
// traceSampler limits the traces the device starts: TRACE_BURST (default 3)
// at once, and one more every TRACE_EVERY (default 30s). ParentBased lets a
// span with a parent follow its parent's decision, so a trace is kept or
// dropped whole.
func traceSampler() (sdktrace.Sampler, error) {
	every, err := time.ParseDuration(envOr("TRACE_EVERY", "30s"))
	if err != nil || every <= 0 {
		return nil, fmt.Errorf("TRACE_EVERY: want a positive duration such as 30s, got %q", os.Getenv("TRACE_EVERY"))
	}
	burst, err := strconv.Atoi(envOr("TRACE_BURST", "3"))
	if err != nil || burst < 1 {
		return nil, fmt.Errorf("TRACE_BURST: want a whole number of 1 or more, got %q", os.Getenv("TRACE_BURST"))
	}
	return sdktrace.ParentBased(newRateLimited(every, burst)), nil
}

// batchOptions sizes batches for a slow, metered link. A long timeout makes
// few requests with many spans: each request repeats the resource and pays
// for its headers, and gzip does better on a large body than a small one. A
// cap on the batch keeps one request short enough to get through before the
// export timeout (30s) on a slow link. An option in code wins over its
// OTEL_BSP_* variable, so each is set only when the variable is not, and an
// operator can still tune the device.
func batchOptions() []sdktrace.BatchSpanProcessorOption {
	var opts []sdktrace.BatchSpanProcessorOption
	if os.Getenv("OTEL_BSP_SCHEDULE_DELAY") == "" {
		opts = append(opts, sdktrace.WithBatchTimeout(time.Minute)) // SDK default 5s
	}
	if os.Getenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE") == "" {
		opts = append(opts, sdktrace.WithMaxExportBatchSize(256)) // SDK default 512
	}
	return opts
}

// [END thin]

// envOr returns the variable's value, or def when it is not set.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
