package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// Order is one order to import. An order without lines is invalid.
type Order struct {
	ID     string
	Lines  []string
	Coupon string
}

// Message is what the queue delivers: the order and the headers its
// publisher wrote, the trace context among them.
type Message struct {
	Headers map[string]string
	Order   Order
}

// [START publish]
// publish is the shop's side: it sends one order in a PRODUCER span and
// writes that span's context into the message headers.
func publish(ctx context.Context, o Order) Message {
	ctx, span := tracer.Start(ctx, "send orders",
		trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			semconv.MessagingOperationTypeSend,
			semconv.MessagingDestinationName("orders"),
		),
	)
	defer span.End()
	m := Message{Headers: map[string]string{}, Order: o}
	otel.GetTextMapPropagator().Inject(ctx, propagation.MapCarrier(m.Headers))
	return m
}

// [END publish]

// receive stands in for a queue client: here the shop publishes eight
// orders, each in a request (a trace) of its own, and the job receives them
// as one batch. In a real job they come from Kafka, SQS or a database table.
func receive(ctx context.Context) []Message {
	var msgs []Message
	for i := range 8 {
		o := Order{ID: fmt.Sprintf("ord-%d", 1001+i), Lines: []string{"SKU-1", "SKU-2"}}
		switch i {
		case 3:
			o.Coupon = "WELCOME10"
		case 5:
			o.Lines = nil
		}
		msgs = append(msgs, publish(ctx, o))
	}
	return msgs
}
