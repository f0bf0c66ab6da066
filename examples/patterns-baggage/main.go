// Command patterns-baggage is a shop with two parts in one server: a
// checkout that calls a pricing service over HTTP. The checkout puts the
// tenant into baggage; the pricing side reads it, and a span processor
// copies it onto every span of both.
//
// It listens on ADDR (default 127.0.0.1:8080) until SIGINT or SIGTERM, and
// exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT.
// Try: curl '127.0.0.1:8080/checkout?tenant=acme'
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/baggage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is already cancelled by the signal.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	s := &shop{pricingURL: "http://" + addr + "/price", client: newClient()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /checkout", s.checkout)
	mux.HandleFunc("GET /price", price)
	srv := &http.Server{
		Addr:              addr,
		Handler:           otelhttp.NewHandler(mux, "server", otelhttp.WithSpanNameFormatter(routeName)),
		ReadHeaderTimeout: 5 * time.Second,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.ListenAndServe() }()
	log.Printf("listening on %s", addr)
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// routeName names a server span after its route, e.g. "GET /checkout".
func routeName(_ string, r *http.Request) string { return r.Method + " " + r.URL.Path }

// newClient returns a client whose requests carry the trace context and the
// baggage in their headers, through the global propagator.
func newClient() *http.Client {
	return &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method }))}
}

type shop struct {
	pricingURL string
	client     *http.Client
}

// [START set]
// checkout puts the tenant into the baggage of its context: every span
// started from ctx, here and in the services it calls, can see it.
func (s *shop) checkout(w http.ResponseWriter, r *http.Request) {
	member, err := baggage.NewMember("tenant.id", r.URL.Query().Get("tenant"))
	if err != nil {
		http.Error(w, "tenant: "+err.Error(), http.StatusBadRequest)
		return
	}
	bag, err := baggage.FromContext(r.Context()).SetMember(member)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctx := baggage.ContextWithBaggage(r.Context(), bag)

	// The client span and the request's baggage header come from ctx.
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.pricingURL, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// [END set]
	resp, err := s.client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// [START get]
// price reads the tenant from the baggage that arrived with the request
// (otelhttp.NewHandler extracted it into the request's context).
func price(w http.ResponseWriter, r *http.Request) {
	tenant := baggage.FromContext(r.Context()).Member("tenant.id").Value()
	fmt.Fprintf(w, "price list of %q\n", tenant)
}

// [END get]
