package main

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// [START tracer]
// tracer comes from the global TracerProvider. Getting it at package level is
// fine: it forwards to the provider that setupTracing installs later.
var tracer = otel.Tracer("oteldocs.dev/examples/spans")

// [END tracer]

type order struct {
	ID         string
	Note       string
	Express    bool
	SKUs       []string
	Quantities []int64
	Prices     []float64
	GiftWrap   []bool
	Card       string
}

var orders = []order{
	{
		ID: "ord-1001", Note: "Leave at the back door, please", Express: true,
		SKUs:       []string{"SKU-1001-BLUE-XL", "SKU-2002"},
		Quantities: []int64{2, 1},
		Prices:     []float64{19.99, 5.5},
		GiftWrap:   []bool{true, false},
		Card:       "4242",
	},
	{
		ID: "ord-1002", SKUs: []string{"SKU-3003"}, Quantities: []int64{1},
		Prices: []float64{120}, GiftWrap: []bool{false}, Card: "0002",
	},
}

// [START start]
// checkout is one operation, so one span. Its children (reserve stock,
// charge card) find their parent in ctx.
func checkout(ctx context.Context, o order) (trace.SpanContext, error) {
	ctx, span := tracer.Start(ctx, "checkout",
		trace.WithSpanKind(trace.SpanKindInternal), // the default kind
		trace.WithAttributes(orderAttributes(o)...),
	)
	defer span.End()

	if err := reserveStock(ctx, o); err != nil {
		span.SetStatus(codes.Error, "out of stock")
		return span.SpanContext(), err
	}
	if err := charge(ctx, o); err != nil {
		span.SetStatus(codes.Error, "payment failed")
		return span.SpanContext(), err
	}
	// Ok marks the outcome as final. Its description is dropped: only
	// Error keeps one.
	span.SetStatus(codes.Ok, "paid")
	return span.SpanContext(), nil
}

// [END start]

// [START attributes]
// orderAttributes describes an order with one attribute of each value type.
func orderAttributes(o order) []attribute.KeyValue {
	var total float64
	for i, p := range o.Prices {
		total += p * float64(o.Quantities[i])
	}
	return []attribute.KeyValue{
		attribute.String("order.id", o.ID),
		attribute.String("order.note", o.Note),
		attribute.Bool("order.express", o.Express),
		attribute.Int("order.lines", len(o.SKUs)), // an int is stored as int64
		attribute.Float64("order.total", total),
		attribute.StringSlice("order.skus", o.SKUs),
		attribute.Int64Slice("order.quantities", o.Quantities),
		attribute.Float64Slice("order.prices", o.Prices),
		attribute.BoolSlice("order.gift_wrap", o.GiftWrap),
	}
}

// [END attributes]

// [START structured]
// cardAttributes uses the structured value types: a map, a list whose
// elements differ in type, and raw bytes.
func cardAttributes(o order) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.Map("payment.card",
			attribute.String("brand", "visa"),
			attribute.String("last4", o.Card),
		),
		attribute.Slice("payment.checks",
			attribute.StringValue("cvc"), attribute.BoolValue(true),
		),
		attribute.ByteSlice("payment.fingerprint", []byte{0xde, 0xad, 0xbe, 0xef}),
	}
}

// [END structured]

// [START retry]
// reserveStock calls the warehouse and retries once. A failed attempt that
// the retry recovers is worth recording, but the operation succeeded: the
// status stays Unset.
func reserveStock(ctx context.Context, o order) error {
	_, span := tracer.Start(ctx, "reserve stock")
	defer span.End()

	var err error
	for attempt := 1; attempt <= 2; attempt++ {
		if err = warehouseReserve(o, attempt); err == nil {
			span.AddEvent("stock reserved", trace.WithAttributes(
				attribute.Int("attempt", attempt),
				attribute.StringSlice("order.skus", o.SKUs),
			))
			return nil
		}
		span.RecordError(err) // an "exception" event; the status is untouched
	}
	span.SetStatus(codes.Error, err.Error())
	return err
}

// [END retry]

// [START charge]
// DeclinedError is what the payment provider returns for a refused card.
type DeclinedError struct{ Reason string }

func (e DeclinedError) Error() string { return "card declined: " + e.Reason }

// charge takes the payment. A failure is both recorded (the exception event,
// here with a stack trace) and set as the span's status.
func charge(ctx context.Context, o order) error {
	_, span := tracer.Start(ctx, "charge card",
		trace.WithAttributes(cardAttributes(o)...),
	)
	defer span.End()

	id, err := paymentCapture(o)
	if err != nil {
		span.RecordError(err, trace.WithStackTrace(true))
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	span.AddEvent("payment captured", trace.WithAttributes(
		attribute.String("payment.id", id),
	))
	return nil
}

// [END charge]

// warehouseReserve stands in for a warehouse API whose first call times out.
func warehouseReserve(o order, attempt int) error {
	if attempt == 1 {
		return errors.New("warehouse: request timed out")
	}
	return nil
}

// paymentCapture stands in for a payment provider that refuses card 0002.
func paymentCapture(o order) (string, error) {
	if o.Card == "0002" {
		return "", DeclinedError{Reason: "insufficient funds"}
	}
	return fmt.Sprintf("pay_%s", o.ID), nil
}
