package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

var tracer = otel.Tracer("oteldocs.dev/examples/metrics")

// order is one checkout: a quantity of one product, paid one way.
type order struct {
	product  string
	quantity int64
	payment  string // card or invoice
}

// shop keeps stock in memory and records metrics about its orders.
type shop struct {
	orders      metric.Int64Counter
	openOrders  metric.Int64UpDownCounter
	duration    metric.Float64Histogram
	quantity    metric.Int64Histogram
	views       metric.Int64Counter
	paymentCall atomic.Int64 // calls to the payment provider, counted by the client

	mu    sync.Mutex
	stock map[string]int64
}

// [START sync]
// newShop creates the shop's instruments. Create instruments once, at start:
// they are safe for concurrent use, and creating one per request is slow.
func newShop(stock map[string]int64) (*shop, error) {
	meter := otel.Meter("oteldocs.dev/examples/metrics")
	s := &shop{stock: stock}
	var err error

	// Counter: only goes up. Exported as a monotonic sum.
	s.orders, err = meter.Int64Counter("shop.orders",
		metric.WithUnit("{order}"),
		metric.WithDescription("Orders placed."))
	if err != nil {
		return nil, err
	}
	// UpDownCounter: goes up and down. Exported as a non-monotonic sum.
	s.openOrders, err = meter.Int64UpDownCounter("shop.orders.open",
		metric.WithUnit("{order}"),
		metric.WithDescription("Orders placed and not shipped yet."))
	if err != nil {
		return nil, err
	}
	// Histogram: a distribution. Its buckets come from the View in setupOTel.
	s.duration, err = meter.Float64Histogram("shop.checkout.duration",
		metric.WithUnit("s"),
		metric.WithDescription("Time to check out an order."))
	if err != nil {
		return nil, err
	}
	// Histogram with buckets suggested by the instrument itself. A View for
	// the same instrument would take precedence.
	s.quantity, err = meter.Int64Histogram("shop.order.quantity",
		metric.WithUnit("{item}"),
		metric.WithDescription("Items per order."),
		metric.WithExplicitBucketBoundaries(1, 2, 5, 10))
	if err != nil {
		return nil, err
	}
	s.views, err = meter.Int64Counter("shop.product.views",
		metric.WithUnit("{view}"),
		metric.WithDescription("Product pages viewed."))
	if err != nil {
		return nil, err
	}
	// [END sync]

	// [START async]
	// Observable instruments are read by a callback at each collection,
	// not updated by the code that changes the value. Use them for values
	// that already exist somewhere: a map's size, a client's own counters.
	_, err = meter.Int64ObservableGauge("shop.stock",
		metric.WithUnit("{item}"),
		metric.WithDescription("Items in stock."),
		metric.WithInt64Callback(func(_ context.Context, o metric.Int64Observer) error {
			s.mu.Lock()
			defer s.mu.Unlock()
			for product, n := range s.stock {
				o.Observe(n, metric.WithAttributes(attribute.String("shop.product", product)))
			}
			return nil
		}))
	if err != nil {
		return nil, err
	}
	// An observable counter reports a running total; the SDK turns it into
	// a delta when the exporter asks for delta temporality.
	_, err = meter.Int64ObservableCounter("shop.payment.calls",
		metric.WithUnit("{call}"),
		metric.WithDescription("Calls to the payment provider."),
		metric.WithInt64Callback(func(_ context.Context, o metric.Int64Observer) error {
			o.Observe(s.paymentCall.Load())
			return nil
		}))
	if err != nil {
		return nil, err
	}
	// [END async]
	return s, nil
}

// [START checkout]
// checkout places an order. Every measurement is made with the context of
// the checkout span, so the SDK can attach an exemplar that points at it.
func (s *shop) checkout(ctx context.Context, o order) {
	ctx, span := tracer.Start(ctx, "checkout")
	defer span.End()
	start := time.Now()

	s.mu.Lock()
	s.stock[o.product] -= o.quantity
	s.mu.Unlock()
	s.charge(ctx, o)

	payment := metric.WithAttributes(attribute.String("shop.payment.method", o.payment))
	s.orders.Add(ctx, 1, payment)
	s.openOrders.Add(ctx, 1)
	s.quantity.Record(ctx, o.quantity)
	s.duration.Record(ctx, time.Since(start).Seconds(), payment)
}

// ship sends an order on its way.
func (s *shop) ship(ctx context.Context) {
	s.openOrders.Add(ctx, -1)
}

// [END checkout]

// charge stands in for a call to a payment provider.
func (s *shop) charge(ctx context.Context, o order) {
	s.paymentCall.Add(1)
	time.Sleep(time.Duration(o.quantity) * time.Millisecond)
}

// [START views]
// viewProduct counts a page view per customer. A customer id is an
// unbounded attribute: every new customer is a new point in memory and in
// the backend. The cardinality limit caps the damage.
func (s *shop) viewProduct(ctx context.Context, customer string) {
	s.views.Add(ctx, 1, metric.WithAttributes(attribute.String("shop.customer.id", customer)))
}

// [END views]
