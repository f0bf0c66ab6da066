package main

import (
	"context"
	"log"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("oteldocs.dev/examples/wasi-host")

// [START host]
// spans are the guest's open spans, by the handle span_start returned.
// wazero calls host functions on the goroutine that runs the guest, one
// guest at a time here; a host running guests in parallel needs a lock.
type spans struct {
	open map[uint32]trace.Span
	next uint32
}

// instantiateOTel gives guests the "otel" module: span_start, span_set_string,
// span_set_int and span_end. A string crosses as an offset and a length in
// the guest's memory, which is how Go's //go:wasmimport passes one.
func instantiateOTel(ctx context.Context, r wazero.Runtime) error {
	s := &spans{open: map[uint32]trace.Span{}}
	_, err := r.NewHostModuleBuilder("otel").
		NewFunctionBuilder().WithFunc(s.start).Export("span_start").
		NewFunctionBuilder().WithFunc(s.setString).Export("span_set_string").
		NewFunctionBuilder().WithFunc(s.setInt).Export("span_set_int").
		NewFunctionBuilder().WithFunc(s.end).Export("span_end").
		Instantiate(ctx)
	return err
}

// start begins a span named by the guest, as a child of the span in the
// traceparent the guest passed, and returns its handle.
func (s *spans) start(ctx context.Context, m api.Module, namePtr, nameLen, parentPtr, parentLen uint32) uint32 {
	name := readString(m, namePtr, nameLen)
	carrier := propagation.MapCarrier{"traceparent": readString(m, parentPtr, parentLen)}
	parent := propagation.TraceContext{}.Extract(ctx, carrier)
	_, span := tracer.Start(parent, name)
	s.next++
	s.open[s.next] = span
	return s.next
}

func (s *spans) setString(_ context.Context, m api.Module, h, keyPtr, keyLen, valPtr, valLen uint32) {
	if span, ok := s.open[h]; ok {
		span.SetAttributes(attribute.String(readString(m, keyPtr, keyLen), readString(m, valPtr, valLen)))
	}
}

func (s *spans) setInt(_ context.Context, m api.Module, h, keyPtr, keyLen uint32, val int64) {
	if span, ok := s.open[h]; ok {
		span.SetAttributes(attribute.Int64(readString(m, keyPtr, keyLen), val))
	}
}

func (s *spans) end(_ context.Context, h uint32) {
	if span, ok := s.open[h]; ok {
		span.End()
		delete(s.open, h)
	}
}

// [END host]

// readString copies a string out of the guest's memory; the guest may
// reuse that memory once the call returns.
func readString(m api.Module, ptr, n uint32) string {
	b, ok := m.Memory().Read(ptr, n)
	if !ok {
		log.Printf("guest passed a string out of its memory: offset %d, length %d", ptr, n)
		return ""
	}
	return string(b)
}
