package main

import (
	"context"
	"log"
	"path"

	"google.golang.org/grpc/stats"
)

// [START wire]
// payloadSizes is a gRPC stats handler that logs the size of each export
// request before and after compression: a way to see that gzip is on.
type payloadSizes struct{}

type methodKey struct{}

func (payloadSizes) TagRPC(ctx context.Context, info *stats.RPCTagInfo) context.Context {
	return context.WithValue(ctx, methodKey{}, info.FullMethodName)
}

func (payloadSizes) HandleRPC(ctx context.Context, s stats.RPCStats) {
	if p, ok := s.(*stats.OutPayload); ok {
		method, _ := ctx.Value(methodKey{}).(string)
		log.Printf("%s: %d bytes, %d on the wire", path.Dir(method)[1:], p.Length, p.CompressedLength)
	}
}

func (payloadSizes) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }

func (payloadSizes) HandleConn(context.Context, stats.ConnStats) {}

// [END wire]
