// Command otlp-grpc processes a few orders and sends the traces, metrics and
// logs it records to an OpenTelemetry Collector over OTLP/gRPC.
//
// It is configured only by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT
// (for example http://localhost:4317), OTEL_EXPORTER_OTLP_CERTIFICATE,
// OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_TIMEOUT, OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES. It exits with status 1 if any export failed.
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

const scope = "oteldocs.dev/examples/otlp-grpc"

func main() {
	// Microseconds show how export retries are spaced.
	log.SetFlags(log.Ltime | log.Lmicroseconds)
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
	// Flush before exit, and fail if the telemetry did not get through.
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()
	return processOrders(ctx, []string{"A-1001", "A-1002", "A-1003"})
}

// [END run]

// processOrders records one span, one counter increment and one log record
// per order, under a root span for the batch.
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
