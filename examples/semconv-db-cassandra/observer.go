package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/gocql/gocql"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START observer]
// queryTracer turns each query gocql sends into a CLIENT span, after the
// fact: gocql calls ObserveQuery once the query returned, with its start and
// end times, so the span is started and ended at those times. There is no
// contrib instrumentation for gocql to use instead.
//
// It makes one span per attempt: a query that gocql retries shows as
// several spans, where the convention asks for one covering all attempts.
type queryTracer struct {
	tracer trace.Tracer
}

// ObserveQuery implements gocql.QueryObserver.
func (t queryTracer) ObserveQuery(ctx context.Context, q gocql.ObservedQuery) {
	op := operation(q.Statement)
	attrs := []attribute.KeyValue{
		semconv.DBSystemNameCassandra,
		semconv.DBNamespace(q.Keyspace),
		semconv.DBQueryText(q.Statement), // parameterized: values are not in it
	}
	if op != "" {
		attrs = append(attrs, semconv.DBOperationName(op))
	}
	if q.Host != nil {
		attrs = append(attrs,
			semconv.ServerAddress(q.Host.ConnectAddress().String()),
			semconv.ServerPort(q.Host.Port()))
	}
	name := op
	if name == "" {
		name = "cassandra"
	}
	_, span := t.tracer.Start(ctx, name,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithTimestamp(q.Start),
		trace.WithAttributes(attrs...))
	if q.Err != nil {
		span.RecordError(q.Err)
		span.SetStatus(codes.Error, q.Err.Error())
		span.SetAttributes(semconv.ErrorTypeKey.String(fmt.Sprintf("%T", q.Err)))
	}
	span.End(trace.WithTimestamp(q.End))
}

// operation returns the first word of a CQL statement in upper case. A CQL
// query holds one statement, so it names the operation.
func operation(stmt string) string {
	if f := strings.Fields(stmt); len(f) > 0 {
		return strings.ToUpper(f[0])
	}
	return ""
}

// [END observer]
