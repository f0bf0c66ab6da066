package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// [START mux]
// newMux serves the page from dir (index.html, wasm_exec.js, main.wasm),
// the page's OpenTelemetry settings, and the echo API. Only the API is
// traced: the browser reports how the page itself loaded.
func newMux(dir string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /", http.FileServer(http.Dir(dir)))
	mux.HandleFunc("GET /config.json", pageConfig)
	// otelhttp extracts the traceparent header the page's fetch sent: the
	// SERVER span continues the browser's trace.
	mux.Handle("GET /api/echo", otelhttp.NewHandler(http.HandlerFunc(echo), "GET /api/echo"))
	return mux
}

// [END mux]

// echo answers with the name it was given, and prints the traceparent
// header as it arrived.
func echo(w http.ResponseWriter, r *http.Request) {
	tp := r.Header.Get("traceparent")
	if tp == "" {
		tp = "(none)"
	}
	fmt.Printf("echo: traceparent %s\n", tp)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"hello": r.URL.Query().Get("name")})
}

// [START config]
// pageConfig hands the page the variables its Go module reads, as a JSON
// object that index.html passes to the module's environment. The page
// exports to the same Collector as this server, and its spans carry the
// same OTEL_RESOURCE_ATTRIBUTES. The Collector must accept requests from
// the page's origin (CORS).
func pageConfig(w http.ResponseWriter, _ *http.Request) {
	env := map[string]string{}
	for _, k := range []string{"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_RESOURCE_ATTRIBUTES"} {
		if v := os.Getenv(k); v != "" {
			env[k] = v
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(env)
}

// [END config]
