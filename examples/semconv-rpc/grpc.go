package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// [START grpc-server]
// newGRPCServer returns a gRPC server of the standard health service, which
// knows one service, "inventory". otelgrpc's stats handler starts a SERVER
// span for each call, continuing the trace from the call's metadata, and
// records rpc.server.call.duration.
func newGRPCServer() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler(
		otelgrpc.WithMessageEvents(otelgrpc.ReceivedEvents, otelgrpc.SentEvents),
	)))
	checker := health.NewServer()
	checker.SetServingStatus("inventory", healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(srv, checker)
	return srv
}

// [END grpc-server]

// [START grpc-client]
// checkHealth asks the health service about each service in turn. The
// client stats handler starts a CLIENT span per call, sends its context
// in the call's metadata, and records rpc.client.call.duration.
func checkHealth(ctx context.Context, addr string, services ...string) error {
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler(
			otelgrpc.WithMessageEvents(otelgrpc.ReceivedEvents, otelgrpc.SentEvents),
		)),
	)
	if err != nil {
		return err
	}
	defer conn.Close()
	client := healthpb.NewHealthClient(conn)
	for _, service := range services {
		resp, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: service})
		if err != nil {
			// A status error is an answer, not a failure of the program.
			fmt.Printf("grpc: Check(%q): %s\n", service, status.Code(err))
			continue
		}
		fmt.Printf("grpc: Check(%q): %s\n", service, resp.GetStatus())
	}
	return nil
}

// [END grpc-client]
