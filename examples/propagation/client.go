package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

var tracer = otel.Tracer("oteldocs.dev/examples/propagation")

// [START call]
// call starts a server and a client that use the propagator prop, and sends
// one request from one to the other.
func call(ctx context.Context, name string, prop propagation.TextMapPropagator) (err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	// The server extracts the incoming context with prop and starts its
	// span as a child of the caller's.
	srv := &http.Server{
		Handler: otelhttp.NewHandler(ordersHandler(prop), "orders",
			otelhttp.WithPropagators(prop),
		),
		ReadHeaderTimeout: 5 * time.Second,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	defer func() { err = errors.Join(err, stopServer(srv, serveErr)) }()

	// The client starts a CLIENT span, named after the method as the
	// semantic conventions say, and injects its context with prop.
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithPropagators(prop),
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
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

// stopServer stops accepting requests and waits for those in flight, at
// most shutdownTimeout. Serve's error is returned unless it is the
// http.ErrServerClosed that Shutdown causes.
func stopServer(srv *http.Server, serveErr <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-serveErr; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve: %w", serr))
	}
	return err
}
