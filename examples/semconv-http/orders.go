package main

import (
	"fmt"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// [START orders-server]
// newOrdersServer returns the orders service: a net/http ServeMux wrapped
// by otelhttp. The ServeMux records the pattern that matched in
// r.Pattern, and otelhttp names the span after it once the handler
// returns: no extra code is needed for the name.
func newOrdersServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", getOrder)
	return otelhttp.NewHandler(mux, "orders")
}

// [END orders-server]

func getOrder(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id": %q, "status": "shipped"}`+"\n", r.PathValue("id"))
}
