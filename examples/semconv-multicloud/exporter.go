package main

import (
	"context"
	"errors"
	"log"
	"os"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// [START failover]
// newSpanExporter exports to the Collector of OTEL_EXPORTER_OTLP_ENDPOINT
// and, when FAILOVER_OTLP_ENDPOINT names a second one, fails over to it.
// No OpenTelemetry variable names a second endpoint: this one is ours.
func newSpanExporter(ctx context.Context) (sdktrace.SpanExporter, error) {
	second := os.Getenv("FAILOVER_OTLP_ENDPOINT")
	if second == "" {
		return otlptracehttp.New(ctx)
	}
	// Retry the first Collector briefly (the default keeps trying for a
	// minute), then hand the batch to the second.
	primary, err := otlptracehttp.New(ctx, otlptracehttp.WithRetry(otlptracehttp.RetryConfig{
		Enabled:         true,
		InitialInterval: 200 * time.Millisecond,
		MaxInterval:     time.Second,
		MaxElapsedTime:  2 * time.Second,
	}))
	if err != nil {
		return nil, err
	}
	secondary, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(second+"/v1/traces"))
	if err != nil {
		return nil, errors.Join(err, primary.Shutdown(ctx))
	}
	return &failoverExporter{primary: primary, secondary: secondary}, nil
}

// failoverExporter sends each batch to the primary exporter and, when that
// fails, sends the same batch to the secondary: a batch the first Collector
// cannot take goes to the second instead of being dropped.
type failoverExporter struct {
	primary, secondary sdktrace.SpanExporter
}

// ExportSpans implements sdktrace.SpanExporter.
func (f *failoverExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	err := f.primary.ExportSpans(ctx, spans)
	if err == nil {
		return nil
	}
	if err2 := f.secondary.ExportSpans(ctx, spans); err2 != nil {
		return errors.Join(err, err2)
	}
	log.Printf("failover: sent %d span(s) to the second Collector: %v", len(spans), err)
	return nil
}

// Shutdown implements sdktrace.SpanExporter.
func (f *failoverExporter) Shutdown(ctx context.Context) error {
	return errors.Join(f.primary.Shutdown(ctx), f.secondary.Shutdown(ctx))
}

// [END failover]
