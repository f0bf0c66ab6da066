// Command semconv-aws describes where it runs on AWS (EC2, ECS, EKS or Lambda,
// through the contrib resource detectors) and propagates its traces in the
// AWS X-Ray format: it serves GET /orders/{id} on 127.0.0.1, calls it once
// with an instrumented client, prints the X-Amzn-Trace-Id header the server
// received, and exits.
//
// It reads the standard OTEL_* variables, and the variables the detectors
// read: AWS_EC2_METADATA_SERVICE_ENDPOINT (EC2), ECS_CONTAINER_METADATA_URI_V4
// (ECS), KUBERNETES_SERVICE_HOST and _PORT with the pod's service account
// (EKS), AWS_LAMBDA_FUNCTION_NAME and its siblings (Lambda).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// The server and its caller share this process to keep the example
	// short; over the wire they are two services.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newServer(), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	callErr := getOrder(ctx, "http://"+ln.Addr().String()+"/orders/1001")

	stopCtx, cancel := context.WithTimeout(ctx, shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		return errors.Join(callErr, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return errors.Join(callErr, err)
	}
	return callErr
}

// newServer serves GET /orders/{id}, with a SERVER span per request whose
// parent comes from the X-Amzn-Trace-Id header.
func newServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("server got X-Amzn-Trace-Id:", r.Header.Get("X-Amzn-Trace-Id"))
		fmt.Fprintf(w, "order %s\n", r.PathValue("id"))
	})
	return otelhttp.NewHandler(mux, "orders")
}

// getOrder calls url with a CLIENT span named after the method, as the
// HTTP conventions ask.
func getOrder(ctx context.Context, url string) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method }),
	)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}
