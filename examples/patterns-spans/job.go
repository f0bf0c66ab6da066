package main

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("oteldocs.dev/examples/patterns-spans")

// [START links]
// importBatch imports a batch of messages under one CONSUMER span. The
// messages were published in eight different traces, so the batch span
// cannot be the child of all of them: it links to each instead.
func importBatch(ctx context.Context, msgs []Message) int {
	links := make([]trace.Link, 0, len(msgs))
	for _, m := range msgs {
		pctx := otel.GetTextMapPropagator().Extract(ctx, propagation.MapCarrier(m.Headers))
		links = append(links, trace.Link{SpanContext: trace.SpanContextFromContext(pctx)})
	}
	ctx, span := tracer.Start(ctx, "process orders",
		trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithLinks(links...),
		trace.WithAttributes(
			semconv.MessagingOperationTypeProcess,
			semconv.MessagingDestinationName("orders"),
			semconv.MessagingBatchMessageCount(len(msgs)),
		),
	)
	defer span.End()

	imported := 0
	for _, m := range msgs {
		if importOrder(ctx, m.Order) == nil {
			imported++
		}
	}
	return imported
}

// [END links]

// [START unit]
// importOrder is one unit of work, so it gets one span. defer span.End()
// ends it on every return path, the error paths included.
func importOrder(ctx context.Context, o Order) error {
	_, span := tracer.Start(ctx, "import order",
		trace.WithAttributes(attribute.String("order.id", o.ID)))
	defer span.End()

	// [START recording]
	// summarize is costly. When the span is not sampled nothing would
	// keep the attribute, so skip the work.
	if span.IsRecording() {
		span.SetAttributes(attribute.String("order.summary", summarize(o)))
	}
	// [END recording]

	if err := validate(o); err != nil {
		// [START error]
		// RecordError adds an "exception" event; only SetStatus marks the
		// span as failed.
		span.RecordError(err)
		span.SetStatus(codes.Error, "invalid order")
		// [END error]
		return err
	}
	// [START event]
	// An attribute describes the whole operation; an event is something
	// that happened at one moment inside it, with a timestamp of its own.
	span.SetAttributes(attribute.Int("order.line_count", len(o.Lines)))
	if o.Coupon != "" {
		span.AddEvent("coupon applied", trace.WithAttributes(
			attribute.String("coupon.code", o.Coupon)))
	}
	// [END event]
	return nil
}

// [END unit]

// summaries counts the calls of summarize, so the job can report how often
// the costly work ran.
var summaries atomic.Int64

// summarize stands for an expensive attribute value: a rendering of the
// whole order.
func summarize(o Order) string {
	summaries.Add(1)
	return fmt.Sprintf("%s: %s", o.ID, strings.Join(o.Lines, ", "))
}

func validate(o Order) error {
	if len(o.Lines) == 0 {
		return fmt.Errorf("order %s has no lines", o.ID)
	}
	return nil
}
