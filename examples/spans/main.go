// Command spans records the parts of a span that OpenTelemetry defines:
// name, parent and child, attributes of every value type, events, links,
// status and recorded errors. It exports them over OTLP/HTTP and exits.
//
// It is configured only by the standard OTEL_* environment variables,
// including the span limits (OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT and friends).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel/trace"
)

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
	// Flush the batch of spans before exit, even when run fails.
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	var paid, failed []trace.SpanContext
	for _, o := range orders {
		sc, err := checkout(ctx, o)
		if err != nil {
			log.Printf("checkout %s: %v", o.ID, err)
			failed = append(failed, sc)
			continue
		}
		log.Printf("checkout %s: paid", o.ID)
		paid = append(paid, sc)
	}
	notify(ctx, paid, failed)

	return getUsers(ctx)
}
