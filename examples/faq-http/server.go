package main

import (
	"encoding/json"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// [START handler]
// newHandler wraps the whole mux in otelhttp. otelhttp starts the SERVER
// span before the mux has matched a pattern; when the mux has matched one,
// otelhttp renames the span "{method} {route}" after the handler returns.
// The name given here ("users") is the operation: otelhttp's default span
// name does not use it.
func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", getUser)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return otelhttp.NewHandler(mux, "users",
		// No span for the load balancer's health checks.
		otelhttp.WithFilter(func(r *http.Request) bool {
			return r.URL.Path != "/healthz"
		}),
	)
}

// [END handler]

func getUser(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"id": r.PathValue("id"), "name": "Ada"})
}
