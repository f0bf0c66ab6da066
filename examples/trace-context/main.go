// Command trace-context follows one trace across a real HTTP hop: a net/http
// client with the otelhttp transport calls an echo service in the same
// process, and the service's span joins the client's trace through the W3C
// traceparent header. Both sides print the trace context they see.
//
// It is configured only by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT
// (for example http://localhost:4318), OTEL_PROPAGATORS (default
// "tracecontext,baggage"), OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES.
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
	"go.opentelemetry.io/otel"
)

const scope = "oteldocs.dev/examples/trace-context"

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

	// The service, on a free port of the loopback interface.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newServer(), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	err = checkStock(ctx, "http://"+ln.Addr().String(), "B-2001")

	// Stop the service before the providers, so that its last span ends
	// first. ErrServerClosed is what Serve returns after Shutdown.
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err = errors.Join(err, srv.Shutdown(stopCtx))
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	return err
}

// [START client]
// checkStock asks the stock service about one item. The otelhttp transport
// starts a CLIENT span for the request and writes its context into the
// request's headers with the global propagator.
func checkStock(ctx context.Context, base, sku string) error {
	ctx, span := otel.Tracer(scope).Start(ctx, "check stock")
	defer span.End()
	fmt.Printf("client: trace %s\n", span.SpanContext().TraceID())

	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		// Semantic conventions name a CLIENT span after the method alone
		// ("GET"); otelhttp's default name is "HTTP GET".
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
	)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/stock/"+sku, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	fmt.Printf("client: %s %s", resp.Status, body)
	return nil
}

// [END client]
