package main

import (
	"context"
	"net"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// [START grpc-server]
// serveGRPC serves the standard gRPC health service on a free port. The
// otelgrpc stats handler starts a SERVER span per call, joined to the
// caller's trace through the metadata the client sent.
func serveGRPC() (addr string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	healthpb.RegisterHealthServer(srv, health.NewServer())
	go srv.Serve(ln) //nolint:errcheck // Serve returns when GracefulStop is called
	return ln.Addr().String(), srv.GracefulStop, nil
}

// [END grpc-server]

// [START grpc-client]
// checkHealth calls the health service. The client's stats handler starts
// a CLIENT span and writes its context into the call's metadata.
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
