package main

import (
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/logtest"
	lognoop "go.opentelemetry.io/otel/log/noop"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	tracenoop "go.opentelemetry.io/otel/trace/noop"
)

// [START spans]
// TestPlaceSpans records spans in memory: a SpanRecorder is a span
// processor that keeps every span it sees, with no exporter and no wait.
func TestPlaceSpans(t *testing.T) {
	sr := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sr))
	c, err := NewCheckout(tp, metricnoop.NewMeterProvider(), lognoop.NewLoggerProvider())
	if err != nil {
		t.Fatal(err)
	}

	if err := c.Place(t.Context(), "cups", 0); err == nil {
		t.Fatal("Place of 0 items: want an error")
	}

	spans := sr.Ended() // only ended spans: a span left open is a bug too
	if len(spans) != 1 {
		t.Fatalf("got %d ended spans, want 1", len(spans))
	}
	s := spans[0]
	if s.Name() != "place order" || s.Status().Code != codes.Error {
		t.Errorf("got span %q with status %v, want %q with status Error", s.Name(), s.Status().Code, "place order")
	}
	want := attribute.NewSet(attribute.String("order.sku", "cups"), attribute.Int("order.items", 0))
	if got := attribute.NewSet(s.Attributes()...); !got.Equals(&want) {
		t.Errorf("attributes: got %v, want %v", got.ToSlice(), want.ToSlice())
	}
}

// [END spans]

// [START metrics]
// TestPlaceMetrics reads metrics in memory: a ManualReader collects only
// when the test asks, so the numbers are exact and nothing is timed.
func TestPlaceMetrics(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	c, err := NewCheckout(tracenoop.NewTracerProvider(), mp, lognoop.NewLoggerProvider())
	if err != nil {
		t.Fatal(err)
	}

	for _, n := range []int{2, 1, 0} {
		c.Place(t.Context(), "tea", n) // the empty order is not counted
	}

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(t.Context(), &rm); err != nil {
		t.Fatal(err)
	}
	want := metricdata.Metrics{
		Name:        "checkout.orders",
		Description: "Orders placed.",
		Unit:        "{order}",
		Data: metricdata.Sum[int64]{
			Temporality: metricdata.CumulativeTemporality,
			IsMonotonic: true,
			DataPoints: []metricdata.DataPoint[int64]{
				{Attributes: attribute.NewSet(attribute.String("order.sku", "tea")), Value: 2},
			},
		},
	}
	if len(rm.ScopeMetrics) != 1 || len(rm.ScopeMetrics[0].Metrics) != 1 {
		t.Fatalf("got %+v, want one scope with one metric", rm.ScopeMetrics)
	}
	// Timestamps differ from run to run: leave them out of the comparison.
	metricdatatest.AssertEqual(t, want, rm.ScopeMetrics[0].Metrics[0], metricdatatest.IgnoreTimestamp())
}

// [END metrics]

// [START logs]
// TestPlaceLogs records log records in memory: logtest.Recorder is a
// LoggerProvider that keeps every record, grouped by scope.
func TestPlaceLogs(t *testing.T) {
	rec := logtest.NewRecorder()
	c, err := NewCheckout(tracenoop.NewTracerProvider(), metricnoop.NewMeterProvider(), rec)
	if err != nil {
		t.Fatal(err)
	}

	c.Place(t.Context(), "cups", 0)

	want := logtest.Recording{
		logtest.Scope{Name: scope}: {{
			Severity:     log.SeverityWarn,
			SeverityText: "WARN",
			Body:         attribute.StringValue("order refused"),
			Attributes:   []attribute.KeyValue{attribute.String("order.sku", "cups")},
		}},
	}
	logtest.AssertEqual(t, want, rec.Result(),
		// The context and the times belong to the run, not the code.
		logtest.Transform(func(r logtest.Record) logtest.Record {
			r = r.Clone()
			r.Context, r.Timestamp, r.ObservedTimestamp = nil, time.Time{}, time.Time{}
			return r
		}))
}

// [END logs]
