// Command otlp-http processes a few orders and sends the traces, metrics and
// logs it records to an OpenTelemetry Collector over OTLP/HTTP.
//
// It is configured only by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT
// (for example http://localhost:4318) or the per-signal
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT and friends,
// OTEL_EXPORTER_OTLP_CERTIFICATE, OTEL_EXPORTER_OTLP_HEADERS,
// OTEL_EXPORTER_OTLP_COMPRESSION, OTEL_EXPORTER_OTLP_TIMEOUT,
// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
// It exits with status 1 if any export failed.
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
	"go.opentelemetry.io/otel/trace"
)

const scope = "oteldocs.dev/examples/otlp-http"

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// Flush before exit, and fail if the telemetry did not get through.
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()
	return processOrders(ctx, []string{"B-2001", "B-2002"})
}

// processOrders records a span, a counter increment and a log record per
// order, under one root span for the batch.
func processOrders(ctx context.Context, ids []string) error {
	tracer := otel.Tracer(scope)
	processed, err := otel.Meter(scope).Int64Counter("orders.processed",
		metric.WithUnit("{order}"),
		metric.WithDescription("Orders processed."))
	if err != nil {
		return err
	}
	logger := otelslog.NewLogger(scope)

	ctx, batch := tracer.Start(ctx, "process batch")
	defer batch.End()
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "process order",
			trace.WithAttributes(attribute.String("order.id", id)))
		processed.Add(ctx, 1)
		logger.InfoContext(ctx, "order processed", "order.id", id)
		span.End()
	}
	return nil
}
