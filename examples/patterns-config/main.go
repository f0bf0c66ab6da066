// Command patterns-config syncs an inventory in one span. How its telemetry
// leaves is configured outside the code: by OTEL_TRACES_EXPORTER (otlp,
// console or none) and the other OTEL_* variables, or, when OTEL_CONFIG_FILE
// names one, by a declarative configuration file such as otel.yaml.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	setDiagnostics()
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

	_, span := otel.Tracer("oteldocs.dev/examples/patterns-config").Start(ctx, "sync inventory")
	span.SetAttributes(
		attribute.Int("inventory.items", 3),
		// A long value: a span limit in the configuration may cut it.
		attribute.String("inventory.note", strings.Repeat("restocked ", 6)),
	)
	span.End()
	log.Print("inventory synced")
	return nil
}
