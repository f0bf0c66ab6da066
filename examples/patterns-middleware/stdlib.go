package main

import (
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START stdlib]
// newStdlibServer routes with http.ServeMux and wraps it in otelhttp. The
// mux's patterns name the spans ("GET /items/{id}"); routeTag adds the
// http.route attribute.
func newStdlibServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "item %s\n", r.PathValue("id"))
	})
	return otelhttp.NewHandler(routeTag(mux), "catalog")
}

// routeTag records the matched pattern's path as http.route on the server
// span. otelhttp runs before the mux has matched, so it names the span
// after the pattern once the handler returns, but leaves the attribute out.
func routeTag(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			// "GET /items/{id}" -> "/items/{id}"
			if i := strings.IndexByte(pattern, '/'); i >= 0 {
				trace.SpanFromContext(r.Context()).SetAttributes(semconv.HTTPRoute(pattern[i:]))
			}
		}
		mux.ServeHTTP(w, r)
	})
}

// [END stdlib]
