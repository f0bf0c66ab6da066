package main

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// [START links]
// notify sends the e-mails of a batch of orders. The batch is its own
// operation, so it starts a new trace and links to each order's checkout
// span instead of picking one of them as its parent.
func notify(ctx context.Context, paid, failed []trace.SpanContext) {
	var links []trace.Link
	for _, sc := range paid {
		links = append(links, trace.Link{
			SpanContext: sc,
			Attributes: []attribute.KeyValue{
				attribute.String("notification.type", "receipt"),
			},
		})
	}
	_, span := tracer.Start(ctx, "send notifications",
		trace.WithNewRoot(),
		trace.WithLinks(links...), // known at start: samplers can see them
	)
	defer span.End()

	// A link can also be added to a running span.
	for _, sc := range failed {
		span.AddLink(trace.Link{
			SpanContext: sc,
			Attributes: []attribute.KeyValue{
				attribute.String("notification.type", "payment_failed"),
			},
		})
	}
	span.SetAttributes(attribute.Int("notification.count", len(paid)+len(failed)))
}

// [END links]
