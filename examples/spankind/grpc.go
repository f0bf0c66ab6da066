package main

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// [START grpc-server]
// newGRPCServer returns a server of the standard gRPC health service. The
// stats handler starts a SERVER span per call, continuing the trace from
// the metadata.
func newGRPCServer() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	healthpb.RegisterHealthServer(srv, health.NewServer())
	return srv
}

// [END grpc-server]

// [START grpc-client]
// checkHealth calls the health service. The client stats handler starts a
// CLIENT span and sends its context in the call's metadata.
func checkHealth(ctx context.Context, addr string) error {
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()),
	)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
	return err
}

// [END grpc-client]
