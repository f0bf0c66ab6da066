package main

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("oteldocs.dev/examples/patterns-context")

// shop holds the service's handlers, its order queue and the goroutines
// that outlive a request.
type shop struct {
	jobs       chan orderJob
	background sync.WaitGroup
}

func (s *shop) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /products/{id}", s.product)
	mux.HandleFunc("POST /orders", s.order)
	mux.HandleFunc("POST /signup", s.signup)
	return mux
}

// [START errgroup]
// product gathers three facts about a product in parallel. errgroup's
// context is derived from the request's, so it carries the SERVER span:
// each lookup's span is a child of it.
func (s *shop) product(w http.ResponseWriter, r *http.Request) {
	g, ctx := errgroup.WithContext(r.Context())
	var price, stock, rating string
	g.Go(func() (err error) { price, err = lookup(ctx, "price"); return err })
	g.Go(func() (err error) { stock, err = lookup(ctx, "stock"); return err })
	g.Go(func() (err error) { rating, err = lookup(ctx, "rating"); return err })
	if err := g.Wait(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintf(w, "%s: %s, %s, %s\n", r.PathValue("id"), price, stock, rating)
}

// lookup stands for a call to another service.
func lookup(ctx context.Context, what string) (string, error) {
	_, span := tracer.Start(ctx, "lookup "+what)
	defer span.End()
	select {
	case <-time.After(20 * time.Millisecond):
		return what + " ok", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// [END errgroup]

// [START signup]
// signup answers at once and sends the welcome email afterwards.
// context.WithoutCancel keeps the request's values, the span among them,
// but not its cancellation: net/http cancels r.Context() as soon as the
// handler returns, which would stop the email half-way.
func (s *shop) signup(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	ctx := context.WithoutCancel(r.Context())
	s.background.Go(func() { sendWelcome(ctx, email) })
	// [START dropped]
	// The pitfall: context.Background() escapes the cancellation too, but
	// it holds no span, so the audit span starts a trace of its own.
	s.background.Go(func() { audit(context.Background(), email) })
	// [END dropped]
	w.WriteHeader(http.StatusAccepted)
}

// sendWelcome takes longer than the request. Its span is still a child of
// the request's span, and ends after it.
func sendWelcome(ctx context.Context, email string) {
	_, span := tracer.Start(ctx, "send welcome email")
	defer span.End()
	select {
	case <-time.After(200 * time.Millisecond): // the mail server
		span.SetAttributes(attribute.String("email.to", email))
	case <-ctx.Done():
		span.RecordError(context.Cause(ctx))
		span.SetStatus(codes.Error, "email not sent")
	}
}

// [END signup]

// audit records the signup for the compliance log.
func audit(ctx context.Context, email string) {
	_, span := tracer.Start(ctx, "audit signup",
		trace.WithAttributes(attribute.String("email.to", email)))
	span.End()
}

// [START channel]
// orderJob is what the handler hands to the worker. It carries the span
// context of the request, not the request's context: that one is cancelled
// when the handler returns, long before the worker may get to the job.
type orderJob struct {
	span trace.SpanContext
	item string
}

func (s *shop) order(w http.ResponseWriter, r *http.Request) {
	s.jobs <- orderJob{
		span: trace.SpanContextFromContext(r.Context()),
		item: r.FormValue("item"),
	}
	w.WriteHeader(http.StatusAccepted)
}

// work runs in its own goroutine until the queue is closed. Each job's span
// is a child of the request that queued it.
func (s *shop) work() {
	for job := range s.jobs {
		ctx := trace.ContextWithSpanContext(context.Background(), job.span)
		_, span := tracer.Start(ctx, "process order",
			trace.WithAttributes(attribute.String("order.item", job.item)))
		time.Sleep(10 * time.Millisecond) // the work
		span.End()
	}
}

// [END channel]
