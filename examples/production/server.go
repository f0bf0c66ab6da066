package main

import (
	"fmt"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("oteldocs.dev/examples/production")

// reportDuration is how long a report takes: long enough that a SIGTERM
// can arrive while one is being built.
const reportDuration = time.Second

// [START server]
// newServer returns the service's handler. otelhttp starts a SERVER span
// per request; ServeMux sets the matched pattern, which otelhttp uses for
// the span name and http.route.
func newServer() http.Handler {
	mux := http.NewServeMux()
	// The target of the liveness and readiness probes. It answers as long
	// as the process serves; during a drain the listener is closed, so the
	// readiness probe fails and the pod leaves the Service's endpoints.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /report", report)
	return otelhttp.NewHandler(mux, "http.server",
		// Probes every few seconds would fill the traces with noise.
		otelhttp.WithFilter(func(r *http.Request) bool { return r.URL.Path != "/healthz" }),
	)
}

// [END server]

// [START report]
// report stands for slow work, such as a query or a call to another
// service. If the client goes away first, the work stops and the span says
// why.
func report(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "build report")
	defer span.End()
	select {
	case <-time.After(reportDuration):
	case <-ctx.Done():
		span.RecordError(ctx.Err())
		span.SetStatus(codes.Error, "request cancelled")
		return
	}
	fmt.Fprintln(w, "report ready")
}

// [END report]
