package main

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("oteldocs.dev/examples/spankind")

// [START http-server]
// newHTTPServer returns the orders API. otelhttp.NewHandler starts a SERVER
// span per request, continuing the trace the caller sent in traceparent.
func newHTTPServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		// Work inside the service: an INTERNAL span, child of the SERVER span.
		_, span := tracer.Start(r.Context(), "price order")
		defer span.End()
		fmt.Fprintf(w, `{"id": %q, "total": 42.50}`, r.PathValue("id"))
	})
	return otelhttp.NewHandler(mux, "orders")
}

// [END http-server]

// [START http-client]
// getOrder calls the orders API. The otelhttp transport starts a CLIENT span,
// named after the method as the semantic conventions say, and injects its
// context into the request headers.
func getOrder(ctx context.Context, base, id string) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
	)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/orders/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// [END http-client]
