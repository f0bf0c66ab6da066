// Package blobdir stores blobs as files in a folder. It is instrumented
// with the OpenTelemetry API only: it records spans and metrics through
// whatever providers the application installs, and nothing at all when the
// application installs none.
package blobdir

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START scope]
// ScopeName names this library in every span and metric it records: its
// import path, so that a reader of the telemetry can find the code.
const ScopeName = "oteldocs.dev/examples/patterns-library/blobdir"

// Version is the library's release. Bump it with each tag: it goes out as
// the instrumentation scope's version.
const Version = "0.3.0"

// [END scope]

// Store keeps blobs in one folder.
type Store struct {
	dir     string
	tracer  trace.Tracer
	written metric.Int64Counter
}

// [START options]
// Option configures a Store.
type Option func(*config)

type config struct {
	tracerProvider trace.TracerProvider
	meterProvider  metric.MeterProvider
}

// WithTracerProvider records spans with tp instead of the global one.
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.tracerProvider = tp }
}

// WithMeterProvider records metrics with mp instead of the global one.
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(c *config) { c.meterProvider = mp }
}

// [END options]

// [START new]
// New returns a Store in dir. The providers default to the global ones,
// looked up now: an application that installs its providers after New
// still gets the spans, since the global ones delegate to what is set
// later.
func New(dir string, opts ...Option) (*Store, error) {
	c := config{tracerProvider: otel.GetTracerProvider(), meterProvider: otel.GetMeterProvider()}
	for _, o := range opts {
		o(&c)
	}
	tracer := c.tracerProvider.Tracer(ScopeName,
		trace.WithInstrumentationVersion(Version),
		trace.WithSchemaURL(semconv.SchemaURL))
	meter := c.meterProvider.Meter(ScopeName,
		metric.WithInstrumentationVersion(Version),
		metric.WithSchemaURL(semconv.SchemaURL))
	written, err := meter.Int64Counter("blobdir.written",
		metric.WithUnit("By"), metric.WithDescription("Bytes written to blobs."))
	if err != nil {
		return nil, err
	}
	return &Store{dir: dir, tracer: tracer, written: written}, nil
}

// [END new]

// [START put]
// Put writes data as the blob key.
func (s *Store) Put(ctx context.Context, key string, data []byte) (err error) {
	path := filepath.Join(s.dir, key)
	ctx, span := s.tracer.Start(ctx, "blobdir.put", trace.WithAttributes(
		// semconv constants: the attribute names and types the
		// specification gives, checked by the compiler.
		semconv.FilePath(path),
		semconv.FileSize(len(data)),
	))
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
			span.SetAttributes(semconv.ErrorTypeKey.String(errorType(err)))
		}
		span.End()
	}()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	s.written.Add(ctx, int64(len(data)))
	return nil
}

// [END put]

// errorType names an error for error.type: a low-cardinality class, not
// the message.
func errorType(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "not_found"
	case errors.Is(err, os.ErrPermission):
		return "permission"
	}
	return "_OTHER"
}
