package main

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// setupTracing installs a global TracerProvider that exports over OTLP/HTTP,
// configured by the standard OTEL_* variables. It sets no global propagator:
// each client and server is given its own.
func setupTracing(ctx context.Context) (shutdown func(context.Context) error, err error) {
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("propagation")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
		// The SDK's default sampler, wrapped. A sampler set in code replaces
		// the one OTEL_TRACES_SAMPLER would choose.
		sdktrace.WithSampler(traceStateSampler{
			Sampler: sdktrace.ParentBased(sdktrace.AlwaysSample()),
		}),
	)
	otel.SetTracerProvider(tp)
	return tp.Shutdown, nil
}

// [START tracestate]
// traceStateSampler samples as the SDK's default sampler does, and adds the
// entry shop=canary to the tracestate of every trace it starts. A span's
// SpanContext, tracestate included, is fixed when the span starts: the
// sampler's result is where the SDK takes it from. Spans with a parent keep
// the parent's tracestate.
type traceStateSampler struct{ sdktrace.Sampler }

func (s traceStateSampler) ShouldSample(
	p sdktrace.SamplingParameters,
) sdktrace.SamplingResult {
	r := s.Sampler.ShouldSample(p)
	if !trace.SpanContextFromContext(p.ParentContext).IsValid() {
		if ts, err := r.Tracestate.Insert("shop", "canary"); err == nil {
			r.Tracestate = ts
		}
	}
	return r
}

// [END tracestate]
