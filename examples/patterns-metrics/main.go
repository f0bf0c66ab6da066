// Command patterns-metrics is an order service whose metrics go two ways:
// pushed over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT, and served for a
// Prometheus scrape on /metrics. Views cut an attribute and set histogram
// buckets; the Go runtime's metrics come along.
//
// It listens on ADDR (default 127.0.0.1:8080) until SIGINT or SIGTERM.
// Try: curl -X POST '127.0.0.1:8080/orders?tier=gold&user=u1&amount=42'
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

const scope = "oteldocs.dev/examples/patterns-metrics"

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

	h, err := newOrders()
	if err != nil {
		return err
	}
	// [START serve]
	mux := http.NewServeMux()
	mux.Handle("POST /orders", h)
	// What the Prometheus exporter registered in registry (otel.go).
	mux.Handle("GET /metrics", promhttp.HandlerFor(registry, promhttp.HandlerOpts{}))
	// [END serve]
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
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

// orders counts the orders it takes and records their amounts.
type orders struct {
	placed metric.Int64Counter
	amount metric.Float64Histogram
}

func newOrders() (*orders, error) {
	meter := otel.Meter(scope)
	placed, err := meter.Int64Counter("orders.placed",
		metric.WithUnit("{order}"), metric.WithDescription("Orders placed."))
	if err != nil {
		return nil, err
	}
	amount, err := meter.Float64Histogram("orders.amount",
		metric.WithUnit("USD"), metric.WithDescription("The amount of an order."))
	if err != nil {
		return nil, err
	}
	return &orders{placed: placed, amount: amount}, nil
}

func (o *orders) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	amount, err := strconv.ParseFloat(q.Get("amount"), 64)
	if err != nil {
		http.Error(w, "amount: want a number", http.StatusBadRequest)
		return
	}
	// [START record]
	// user.id is here because it is handy in a trace; on a metric it would
	// make one time series per user. The view in otel.go removes it.
	attrs := metric.WithAttributes(
		attribute.String("order.tier", q.Get("tier")),
		attribute.String("user.id", q.Get("user")),
	)
	o.placed.Add(r.Context(), 1, attrs)
	o.amount.Record(r.Context(), amount, attrs)
	// [END record]
	w.WriteHeader(http.StatusCreated)
}
