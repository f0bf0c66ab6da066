// Command faq-setup is a short-lived job, as a CLI or a scheduled task is:
// it imports a few orders under one span, counts them and logs the result,
// then flushes its traces, metrics and logs before it exits.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

const scope = "oteldocs.dev/examples/faq-setup"

var (
	tracer = otel.Tracer(scope)
	meter  = otel.Meter(scope)
	// [START logger]
	// logger is a log/slog Logger whose records go to the global
	// LoggerProvider. Records logged with a context that holds a span carry
	// its trace and span id.
	logger = otelslog.NewLogger(scope)
	// [END logger]
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START run]
func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// A job ends by returning from run, so the deferred shutdown flushes
	// the spans, metric points and log records still queued. log.Fatal or
	// os.Exit would skip it.
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()
	return importOrders(ctx, []string{"ord-1", "ord-2", "ord-3"})
}

// [END run]

// importOrders is the job's work: one span, a counter, a log record.
func importOrders(ctx context.Context, ids []string) error {
	imported, err := meter.Int64Counter("orders.imported",
		metric.WithUnit("{order}"),
		metric.WithDescription("Orders imported by the job."))
	if err != nil {
		return err
	}
	ctx, span := tracer.Start(ctx, "import orders")
	defer span.End()
	span.SetAttributes(attribute.Int("orders.count", len(ids)))
	imported.Add(ctx, int64(len(ids)))
	logger.InfoContext(ctx, "imported orders", "count", len(ids))
	return nil
}
