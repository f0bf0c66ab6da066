package main

import (
	"context"
	"errors"
	"log/slog"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

const scope = "oteldocs.dev/examples/patterns-testing"

// errNoItems is what Place returns for an order of nothing.
var errNoItems = errors.New("checkout: an order needs at least one item")

// [START checkout]
// Checkout places orders. It takes its providers as arguments: the program
// passes the global ones, a test passes in-memory ones.
type Checkout struct {
	tracer trace.Tracer
	orders metric.Int64Counter
	logger *slog.Logger
}

// NewCheckout returns a Checkout that records through the given providers.
func NewCheckout(tp trace.TracerProvider, mp metric.MeterProvider, lp log.LoggerProvider) (*Checkout, error) {
	orders, err := mp.Meter(scope).Int64Counter("checkout.orders",
		metric.WithUnit("{order}"), metric.WithDescription("Orders placed."))
	if err != nil {
		return nil, err
	}
	return &Checkout{
		tracer: tp.Tracer(scope),
		orders: orders,
		logger: otelslog.NewLogger(scope, otelslog.WithLoggerProvider(lp)),
	}, nil
}

// [END checkout]

// Place places an order of n items of sku.
func (c *Checkout) Place(ctx context.Context, sku string, n int) error {
	ctx, span := c.tracer.Start(ctx, "place order",
		trace.WithAttributes(attribute.String("order.sku", sku), attribute.Int("order.items", n)))
	defer span.End()
	if n < 1 {
		span.RecordError(errNoItems)
		span.SetStatus(codes.Error, errNoItems.Error())
		c.logger.WarnContext(ctx, "order refused", slog.String("order.sku", sku))
		return errNoItems
	}
	c.orders.Add(ctx, 1, metric.WithAttributes(attribute.String("order.sku", sku)))
	c.logger.InfoContext(ctx, "order placed", slog.String("order.sku", sku), slog.Int("order.items", n))
	return nil
}
