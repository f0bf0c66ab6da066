// Command patterns-sampling is a batch job: it imports a number of orders,
// each in a span of its own, counts them in a metric and logs each one. It
// shows what head sampling keeps and what it leaves alone.
//
// It is configured by the standard OTEL_* variables: OTEL_TRACES_SAMPLER
// and OTEL_TRACES_SAMPLER_ARG, when set, replace the sampler in the code.
// When a scheduler or a pipeline starts it inside a trace, it finds the
// parent in TRACEPARENT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/contrib/propagators/envcar"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

const scope = "oteldocs.dev/examples/patterns-sampling"

var (
	tracer = otel.Tracer(scope)
	logger = otelslog.NewLogger(scope)
)

func main() {
	orders := flag.Int("orders", 40, "how many orders to import")
	flag.Parse()
	if err := run(context.Background(), *orders); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, orders int) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	imported, err := otel.Meter(scope).Int64Counter("orders.imported",
		metric.WithUnit("{order}"), metric.WithDescription("Orders imported."))
	if err != nil {
		return err
	}
	// [START parent]
	// The job's parent, if whoever started it passed one in TRACEPARENT.
	ctx = otel.GetTextMapPropagator().Extract(ctx, &envcar.Carrier{})
	// [END parent]
	for i := range orders {
		importOrder(ctx, i, imported)
	}
	return nil
}

// [START work]
// importOrder imports one order in a span of its own. The counter and the
// log record do not depend on the sampling decision: only the span does.
func importOrder(ctx context.Context, id int, imported metric.Int64Counter) {
	ctx, span := tracer.Start(ctx, "import order")
	defer span.End()
	span.SetAttributes(attribute.Int("order.id", id))

	imported.Add(ctx, 1)
	logger.InfoContext(ctx, "order imported", slog.Int("order.id", id))
}

// [END work]
