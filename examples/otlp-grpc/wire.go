package main

import (
	"context"
	"log"
	"strings"

	"google.golang.org/grpc/stats"
	"google.golang.org/grpc/status"
)

// [START wire]
// exportStats is a gRPC stats handler that logs every export call the
// exporters make: the size of the request before and after compression, and
// the status code of a call that failed. Retries show up as repeated calls.
type exportStats struct{}

type methodKey struct{}

func (exportStats) TagRPC(ctx context.Context, info *stats.RPCTagInfo) context.Context {
	// "/opentelemetry.proto.collector.trace.v1.TraceService/Export" is
	// logged as "TraceService/Export".
	name := info.FullMethodName
	return context.WithValue(ctx, methodKey{}, name[strings.LastIndex(name, ".")+1:])
}

func (exportStats) HandleRPC(ctx context.Context, s stats.RPCStats) {
	method := ctx.Value(methodKey{})
	switch s := s.(type) {
	case *stats.OutPayload:
		log.Printf("%s: %d bytes, %d compressed", method, s.Length, s.CompressedLength)
	case *stats.End:
		if s.Error != nil {
			log.Printf("%s: %v", method, status.Code(s.Error))
		}
	}
}

func (exportStats) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }

func (exportStats) HandleConn(context.Context, stats.ConnStats) {}

// [END wire]
