// Command faq-traces handles one order and shows, span by span, the answers
// to the questions asked most about traces in Go: how a span finds its
// parent, how to add attributes to the current span, what happens across
// goroutines and after the request's context is cancelled, and two ways to
// lose data (a span never ended, an attribute set after End).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("oteldocs.dev/examples/faq-traces")

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

	// A request's context: cancelled when the handler returns.
	reqCtx, cancel := context.WithCancel(ctx)
	followUp := handleOrder(reqCtx, "ord-7")
	cancel()
	followUp.Wait()
	return nil
}

// handleOrder does the work of one request. It returns a WaitGroup for the
// work that goes on after the request has ended.
func handleOrder(ctx context.Context, orderID string) *sync.WaitGroup {
	// [START child]
	// tracer.Start makes the new span a child of the span in ctx, and
	// returns a ctx holding the new span: pass that ctx on.
	ctx, span := tracer.Start(ctx, "handle order")
	defer span.End()

	loadCart(ctx, orderID)
	// [END child]

	// [START goroutines]
	// A goroutine gets the ctx as an argument, like any function: its
	// spans are children of "handle order".
	var wg sync.WaitGroup
	for _, sku := range []string{"SKU-1", "SKU-2"} {
		wg.Go(func() { priceItem(ctx, sku) })
	}
	wg.Wait()
	// [END goroutines]

	// [START detached]
	// The mistake behind "my spans are not connected": a span started from
	// context.Background() has no parent, so it starts a trace of its own.
	_, audit := tracer.Start(context.Background(), "audit order")
	audit.End()
	// [END detached]

	// [START without-cancel]
	// Work that outlives the request: WithoutCancel keeps the span (and
	// baggage) of ctx but not its cancellation or deadline.
	var followUp sync.WaitGroup
	bg := context.WithoutCancel(ctx)
	followUp.Go(func() {
		<-ctx.Done() // the request has ended
		sendReceipt(bg, orderID)
	})
	// [END without-cancel]

	// [START never-ended]
	// A span that is never ended is never exported.
	_, _ = tracer.Start(ctx, "reserve stock")
	// [END never-ended]

	// [START after-end]
	_, notify := tracer.Start(ctx, "notify warehouse")
	notify.End()
	// Ignored: the span has ended, its data is already with the processor.
	notify.SetAttributes(attribute.String("warehouse.id", "wh-3"))
	// [END after-end]
	return &followUp
}

// [START current]
// loadCart adds to the span its caller started, found in ctx: it does not
// need the span as an argument.
func loadCart(ctx context.Context, orderID string) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.String("order.id", orderID))
	span.AddEvent("cart loaded", trace.WithAttributes(attribute.Int("cart.items", 2)))
}

// [END current]

func priceItem(ctx context.Context, sku string) {
	_, span := tracer.Start(ctx, "price item", trace.WithAttributes(attribute.String("item.sku", sku)))
	defer span.End()
}

func sendReceipt(ctx context.Context, orderID string) {
	_, span := tracer.Start(ctx, "send receipt")
	defer span.End()
	// ctx.Err() is nil here: the request's cancellation did not reach it.
	span.SetAttributes(
		attribute.String("order.id", orderID),
		attribute.Bool("ctx.cancelled", ctx.Err() != nil),
	)
}
