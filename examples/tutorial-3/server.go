package main

import (
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
)

// tracer starts the spans of this package, from the global TracerProvider.
var tracer = otel.Tracer("oteldocs.dev/examples/tutorial")

// newServer returns the HTTP handler of the service.
func newServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", hello)
	return mux
}

// hello greets the name in the path, after checking it.
func hello(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "hello")
	defer span.End()

	name, err := checkName(r.PathValue("name"))
	span.SetAttributes(attribute.String("greeting.name", r.PathValue("name")))
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "hello, %s\n", name)
}

// checkName accepts a name of letters only.
func checkName(name string) (string, error) {
	if name == "" || strings.ContainsFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
		return "", fmt.Errorf("name %q: use letters only", name)
	}
	return name, nil
}
