package main

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// metricBenchmarks hold a counter and a histogram of the global
// MeterProvider, which exports through a periodic reader. Recording does
// not wait for the exporter: it updates an aggregate in memory.
type metricBenchmarks struct {
	counter   metric.Int64Counter
	histogram metric.Float64Histogram
}

func newMetricBenchmarks() (*metricBenchmarks, error) {
	meter := otel.Meter("performance")
	counter, err := meter.Int64Counter("perf.requests", metric.WithUnit("{request}"))
	if err != nil {
		return nil, err
	}
	histogram, err := meter.Float64Histogram("perf.request.duration", metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &metricBenchmarks{counter: counter, histogram: histogram}, nil
}

func (m *metricBenchmarks) benchmarks() []benchmark {
	attrs := []attribute.KeyValue{
		attribute.String("http.request.method", "GET"),
		attribute.String("http.route", "/users/:id"),
		attribute.Int("http.response.status_code", 200),
	}
	set := attribute.NewSet(attrs...)
	ctx := context.Background()
	return []benchmark{
		{name: "counter/no-attrs", fn: func(b *testing.B) {
			for b.Loop() {
				m.counter.Add(ctx, 1)
			}
		}},
		// [START attrs]
		{name: "counter/3-attrs", fn: func(b *testing.B) {
			for b.Loop() {
				m.counter.Add(ctx, 1, metric.WithAttributes(attrs...))
			}
		}},
		// WithAttributeSet reuses a set built once: no sorting and no
		// copying of the attributes on every call.
		{name: "counter/3-attrs-set", fn: func(b *testing.B) {
			for b.Loop() {
				m.counter.Add(ctx, 1, metric.WithAttributeSet(set))
			}
		}},
		// [END attrs]
		{name: "histogram/no-attrs", fn: func(b *testing.B) {
			for b.Loop() {
				m.histogram.Record(ctx, 0.042)
			}
		}},
		{name: "histogram/3-attrs", fn: func(b *testing.B) {
			for b.Loop() {
				m.histogram.Record(ctx, 0.042, metric.WithAttributes(attrs...))
			}
		}},
	}
}
