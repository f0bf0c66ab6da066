// Command metrics is a small shop that records its orders with counters, an
// up-down counter, histograms and observable instruments, and exports them
// over OTLP/HTTP.
//
// It is configured only by the standard OTEL_* variables, e.g.
// OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START run]
func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// Shutdown collects and exports one last time. A fresh context:
		// ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	s, err := newShop(map[string]int64{"book": 10, "pen": 50, "mug": 5})
	if err != nil {
		return err
	}

	// First round: eight customers look around, three order, one order ships.
	for i := 1; i <= 8; i++ {
		s.viewProduct(ctx, fmt.Sprintf("c%d", i))
	}
	s.checkout(ctx, order{product: "book", quantity: 1, payment: "card"})
	s.checkout(ctx, order{product: "pen", quantity: 3, payment: "card"})
	s.checkout(ctx, order{product: "mug", quantity: 2, payment: "invoice"})
	s.ship(ctx)

	// ForceFlush stands in for a tick of the periodic reader: it collects
	// and exports now, so the demo shows two exports without waiting for
	// OTEL_METRIC_EXPORT_INTERVAL. It is a method of the SDK's provider,
	// which setupOTel installed, not of the API's interface.
	mp, ok := otel.GetMeterProvider().(*sdkmetric.MeterProvider)
	if !ok {
		return errors.New("the global MeterProvider is not the SDK's")
	}
	if err := mp.ForceFlush(ctx); err != nil {
		return err
	}

	// Second round: two more orders, three ship. Shutdown exports these.
	s.checkout(ctx, order{product: "pen", quantity: 7, payment: "card"})
	s.checkout(ctx, order{product: "book", quantity: 1, payment: "invoice"})
	s.ship(ctx)
	s.ship(ctx)
	s.ship(ctx)
	return nil
}

// [END run]
