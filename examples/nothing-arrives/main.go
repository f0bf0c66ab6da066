// Command nothing-arrives creates one span and exits: the smallest program
// that should make a span appear at the Collector. When it does not, run it
// with the same environment as the service that sends nothing, and read what
// it prints.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
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
	// Flush the span before exit: without this call it is still in the
	// batch processor's queue when the program ends.
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	_, span := tracer.Start(ctx, "smoke test")
	log.Printf("created span %s in trace %s", span.SpanContext().SpanID(), span.SpanContext().TraceID())
	span.End()
	return nil
}
