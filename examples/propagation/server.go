package main

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// [START handler]
// ordersHandler serves GET /orders/{id}. It prints the headers that prop
// reads, as they arrived, and records the user.tier baggage member on the
// server span.
func ordersHandler(prop propagation.TextMapPropagator) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		for _, field := range prop.Fields() {
			if v := r.Header.Get(field); v != "" {
				fmt.Printf("  %s: %s\n", http.CanonicalHeaderKey(field), v)
			}
		}
		printSpanContexts(r, prop)

		// otelhttp put the extracted baggage in the request's context.
		ctx := r.Context()
		if tier := baggage.FromContext(ctx).Member("user.tier").Value(); tier != "" {
			span := trace.SpanFromContext(ctx)
			span.SetAttributes(attribute.String("user.tier", tier))
		}
		fmt.Fprintln(w, "order", r.PathValue("id"))
	})
	return mux
}

// [END handler]

// [START spancontext]
// printSpanContexts prints the caller's SpanContext, as prop extracts it from
// the headers, and that of the server span.
func printSpanContexts(r *http.Request, prop propagation.TextMapPropagator) {
	carrier := propagation.HeaderCarrier(r.Header)
	caller := trace.SpanContextFromContext(prop.Extract(context.Background(), carrier))
	server := trace.SpanContextFromContext(r.Context())
	printSpanContext("caller", caller)
	printSpanContext("server", server)
}

func printSpanContext(who string, sc trace.SpanContext) {
	fmt.Printf("  %s trace_id=%s span_id=%s\n", who, sc.TraceID(), sc.SpanID())
	fmt.Printf("         flags=%s remote=%t tracestate=%q\n",
		sc.TraceFlags(), sc.IsRemote(), sc.TraceState())
}

// [END spancontext]
