package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

var tracer = otel.Tracer("oteldocs.dev/examples/propagation")

// [START call]
// call starts a server and a client that use the propagator prop, and sends
// one request from one to the other.
func call(ctx context.Context, name string, prop propagation.TextMapPropagator) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	// The server extracts the incoming context with prop and starts its
	// span as a child of the caller's.
	srv := &http.Server{Handler: otelhttp.NewHandler(ordersHandler(prop), "orders",
		otelhttp.WithPropagators(prop),
	)}
	go srv.Serve(ln)
	defer srv.Close()

	// The client starts a CLIENT span and injects its context with prop.
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithPropagators(prop),
	)}

	ctx, span := tracer.Start(ctx, "call "+name)
	defer span.End()

	fmt.Println(name)
	url := "http://" + ln.Addr().String() + "/orders/42"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
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

// [END call]
