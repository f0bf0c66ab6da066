// Command semconv-resource describes the service it runs as with a resource:
// the service.* attributes set in code, the host.*, os.*, process.* and
// container.* attributes detected by the SDK, and whatever the environment
// adds through OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME. It prints the
// resource, records one span and exits.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

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

	// Every span, metric and log record of the process carries the resource.
	_, span := otel.Tracer("oteldocs.dev/examples/semconv-resource").Start(ctx, "checkout")
	time.Sleep(10 * time.Millisecond)
	span.End()
	return nil
}
