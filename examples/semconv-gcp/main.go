// Command semconv-gcp describes where it runs on Google Cloud: the gcp
// resource detector asks the metadata server (and reads the environment)
// and tells Compute Engine, GKE, Cloud Run and Cloud Functions apart. It
// prints the resource, records one span and exits.
//
// It reads the standard OTEL_* variables; GCE_METADATA_HOST points the
// metadata client at another server than the one every Google Cloud VM has.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
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
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	_, span := otel.Tracer("oteldocs.dev/examples/semconv-gcp").Start(ctx, "checkout")
	span.End()
	return nil
}
