package main

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a global TracerProvider that exports over OTLP/HTTP,
// configured by the standard OTEL_* variables. It sets no global propagator:
// each client and server is given its own.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	var shutdowns []func(context.Context) error
	shutdownAll := func(ctx context.Context) error {
		var errs error
		for _, fn := range shutdowns {
			errs = errors.Join(errs, fn(ctx))
		}
		shutdowns = nil
		return errs
	}
	// If a later step fails, stop the providers already built.
	defer func() {
		if err != nil {
			err = errors.Join(err, shutdownAll(ctx))
		}
	}()

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
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
		// The SDK's default sampler, wrapped. A sampler set in code replaces
		// the one OTEL_TRACES_SAMPLER would choose.
		sdktrace.WithSampler(traceStateSampler{
			Sampler: sdktrace.ParentBased(sdktrace.AlwaysSample()),
		}),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	return shutdownAll, nil
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
