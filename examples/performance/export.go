package main

import (
	"context"
	"fmt"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// newSimpleProvider builds a second TracerProvider, with the simple span
// processor, to compare with the global one setupOTel installs.
func newSimpleProvider(ctx context.Context) (*sdktrace.TracerProvider, error) {
	res, err := newResource(ctx)
	if err != nil {
		return nil, err
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	// [START simple]
	// WithSyncer: the simple span processor, which exports each span
	// inside End, one request per span.
	return sdktrace.NewTracerProvider(
		sdktrace.WithSyncer(exporter),
		sdktrace.WithResource(res),
	), nil
	// [END simple]
}

// exportBenchmarks compare the global provider (batch span processor) with
// simple, each sending spans exactly times to the Collector.
func exportBenchmarks(simple *sdktrace.TracerProvider, spans int) ([]benchmark, error) {
	batch, ok := otel.GetTracerProvider().(*sdktrace.TracerProvider)
	if !ok {
		return nil, fmt.Errorf("the global TracerProvider is a %T, not the SDK's: call setupOTel first", otel.GetTracerProvider())
	}
	return []benchmark{
		{name: "export/batch", fn: exportSpans(batch, "export/batch"), count: spans},
		{name: "export/simple", fn: exportSpans(simple, "export/simple"), count: spans},
	}, nil
}

// exportSpans ends b.N spans with 5 attributes and flushes, all inside the
// timing: the figure is spans delivered, not spans queued.
func exportSpans(tp *sdktrace.TracerProvider, name string) func(*testing.B) {
	tracer := tp.Tracer("performance")
	attrs := spanAttributes(5)
	return func(b *testing.B) {
		ctx := context.Background()
		// A plain b.N loop, not b.Loop: b.Loop stops the timer when it
		// ends, and the flush below must be timed too.
		for range b.N {
			_, span := tracer.Start(ctx, name)
			span.SetAttributes(attrs...)
			span.End()
		}
		if err := tp.ForceFlush(ctx); err != nil {
			b.Fatalf("flush %s: %v", name, err)
		}
	}
}
