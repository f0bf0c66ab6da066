// Command semconv-azure describes where it runs on Azure: a VM (through the
// contrib azurevm detector and the Instance Metadata Service), App Service,
// Functions or Container Apps (through this project's own detector, from
// their environment). It prints the resource, records one span and exits.
//
// It reads the standard OTEL_* variables.
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

	_, span := otel.Tracer("oteldocs.dev/examples/semconv-azure").Start(ctx, "checkout")
	span.End()
	return nil
}
