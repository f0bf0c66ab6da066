// Command semconv-schema-conflict shows the error a program gets when it
// merges a resource built with an older semantic conventions package than
// the SDK's own, and the fix: import the version the SDK uses. It prints the
// result of both merges, exports one span with the resource of the second
// over OTLP/HTTP (OTEL_EXPORTER_OTLP_*) and exits.
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
	if _, err := oldResource(); err != nil {
		fmt.Println("semconv v1.26.0:", err)
	}
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

	_, span := otel.Tracer("oteldocs.dev/examples/semconv-schema-conflict").Start(ctx, "checkout")
	span.End()
	return nil
}
