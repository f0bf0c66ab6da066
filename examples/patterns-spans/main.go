// Command patterns-spans is a batch job: it takes a batch of order messages
// from a queue, imports each order and exits. Each message carries the trace
// context of the request that published it.
//
// It is configured only by the standard OTEL_* variables
// (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_SAMPLER, OTEL_BSP_*, ...).
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

// [START run]
// run is the whole job. The deferred shutdown is what sends the spans: the
// batch processor holds them in memory, and a program that returns from
// main without flushing loses every span not yet exported.
func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: the job's ctx may be cancelled or expired.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	msgs := receive(ctx)
	imported := importBatch(ctx, msgs)
	fmt.Printf("imported %d of %d orders\n", imported, len(msgs))
	fmt.Printf("summaries computed: %d\n", summaries.Load())
	return nil
}

// [END run]
