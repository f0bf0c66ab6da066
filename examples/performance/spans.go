package main

import (
	"context"
	"fmt"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// spanAttributes returns n attributes of the kinds a request span carries:
// strings and integers.
func spanAttributes(n int) []attribute.KeyValue {
	attrs := make([]attribute.KeyValue, n)
	for i := range attrs {
		if i%2 == 0 {
			attrs[i] = attribute.String(fmt.Sprintf("app.key.%d", i), "value")
		} else {
			attrs[i] = attribute.Int(fmt.Sprintf("app.key.%d", i), i)
		}
	}
	return attrs
}

// spanBenchmarks measure starting and ending one span, the work every
// instrumented call does. The provider has no span processor, as in the
// SDK's own benchmarks (sdk/trace/benchmark_test.go): this is the cost of
// creating and recording the span. What a processor adds on End is in the
// export rows.
func spanBenchmarks() []benchmark {
	var bms []benchmark
	for _, sampled := range []bool{true, false} {
		sampler, label := sdktrace.AlwaysSample(), "sampled"
		if !sampled {
			sampler, label = sdktrace.NeverSample(), "not-sampled"
		}
		tracer := sdktrace.NewTracerProvider(sdktrace.WithSampler(sampler)).Tracer("performance")
		for _, n := range []int{0, 5, 20} {
			bms = append(bms, benchmark{
				name: fmt.Sprintf("span/attrs=%d/%s", n, label),
				fn:   startEndSpans(tracer, spanAttributes(n)),
			})
		}
	}
	return bms
}

// [START span]
// startEndSpans starts and ends b.N spans, each with attrs.
func startEndSpans(tracer trace.Tracer, attrs []attribute.KeyValue) func(*testing.B) {
	return func(b *testing.B) {
		ctx := context.Background()
		for b.Loop() {
			_, span := tracer.Start(ctx, "operation", trace.WithAttributes(attrs...))
			span.End()
		}
	}
}

// [END span]
