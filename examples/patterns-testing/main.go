// Command patterns-testing places two orders, one of them empty, with a
// Checkout whose tests (checkout_test.go) check the same telemetry in
// memory. It exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/log/global"
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
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// [START main]
	c, err := NewCheckout(otel.GetTracerProvider(), otel.GetMeterProvider(), global.GetLoggerProvider())
	// [END main]
	if err != nil {
		return err
	}
	if err := c.Place(ctx, "tea", 2); err != nil {
		return err
	}
	if err := c.Place(ctx, "cups", 0); !errors.Is(err, errNoItems) {
		return fmt.Errorf("an empty order: got %v, want %v", err, errNoItems)
	}
	return nil
}
