package main

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// [START injected]
// Reports builds reports. It takes its TracerProvider as an option and
// falls back to the global one, so a test can pass its own provider while
// the service needs no extra wiring.
type Reports struct {
	tracer trace.Tracer
}

// Option configures Reports.
type Option func(*reportsConfig)

type reportsConfig struct {
	tracerProvider trace.TracerProvider
}

// WithTracerProvider makes Reports start its spans from tp instead of the
// global TracerProvider.
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *reportsConfig) { c.tracerProvider = tp }
}

// NewReports returns a Reports. Without options it uses the global
// TracerProvider.
func NewReports(opts ...Option) *Reports {
	cfg := reportsConfig{tracerProvider: otel.GetTracerProvider()}
	for _, opt := range opts {
		opt(&cfg)
	}
	return &Reports{tracer: cfg.tracerProvider.Tracer(
		"oteldocs.dev/examples/patterns-setup/reports",
		trace.WithInstrumentationVersion("1.0.0"),
	)}
}

// [END injected]

// Build renders a report. It is slow on purpose: the kind of request that
// is still running when SIGTERM arrives.
func (r *Reports) Build(ctx context.Context) (string, error) {
	_, span := r.tracer.Start(ctx, "build report")
	defer span.End()
	select {
	case <-time.After(time.Second):
		return "report: 42 orders", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
