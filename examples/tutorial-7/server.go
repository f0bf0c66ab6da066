package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
)

// tracer starts the spans of this package, from the global TracerProvider.
var tracer = otel.Tracer("oteldocs.dev/examples/tutorial")

// logger sends slog records to the global LoggerProvider. A record logged
// with a context that holds a span carries that span's trace and span id.
var logger = otelslog.NewLogger("oteldocs.dev/examples/tutorial")

// newServer returns the HTTP handler of the service, wrapped by otelhttp:
// a SERVER span for every request, the parent of the spans the handler
// starts from the request's context, and the http.server.request.duration
// histogram.
func newServer(db *sql.DB) (http.Handler, error) {
	greetings, err := otel.Meter("oteldocs.dev/examples/tutorial").Int64Counter("greeter.greetings",
		metric.WithDescription("Greetings sent."),
		metric.WithUnit("{greeting}"),
	)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", hello(db, greetings))
	return otelhttp.NewHandler(mux, "greeter"), nil
}

// hello greets the name in the path, after checking it, and stores the
// greeting. The query gets ctx, which holds the handler's span: its CLIENT
// span becomes that span's child. Each greeting stored adds one to the
// greetings counter.
func hello(db *sql.DB, greetings metric.Int64Counter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, span := tracer.Start(r.Context(), "hello")
		defer span.End()

		name, err := checkName(r.PathValue("name"))
		span.SetAttributes(attribute.String("greeting.name", r.PathValue("name")))
		if err != nil {
			logger.WarnContext(ctx, "name refused", "error", err)
			span.SetStatus(codes.Error, err.Error())
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO greetings (name) VALUES ($1)", name); err != nil {
			span.SetStatus(codes.Error, err.Error())
			http.Error(w, "could not store the greeting", http.StatusInternalServerError)
			return
		}
		greetings.Add(ctx, 1)
		logger.InfoContext(ctx, "greeted", "greeting.name", name)
		fmt.Fprintf(w, "hello, %s\n", name)
	}
}

// checkName accepts a name of letters only.
func checkName(name string) (string, error) {
	if name == "" || strings.ContainsFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
		return "", fmt.Errorf("name %q: use letters only", name)
	}
	return name, nil
}
