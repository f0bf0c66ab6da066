// Command semconv-rpc shows the RPC semantic conventions over two RPC
// systems: gRPC, instrumented by otelgrpc's stats handlers, and JSON-RPC
// 2.0 over HTTP, instrumented by hand. Each call is one trace: the CLIENT
// span, and the SERVER span as its child.
//
// It is configured only by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT
// (for example http://localhost:4318), OTEL_SERVICE_NAME,
// OTEL_RESOURCE_ATTRIBUTES, and OTEL_SEMCONV_STABILITY_OPT_IN, which otelgrpc
// reads ("rpc/dup" adds the older RPC attributes).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

const scope = "oteldocs.dev/examples/semconv-rpc"

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// The gRPC server, on a free port of the loopback interface.
	grpcLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	grpcSrv := newGRPCServer()
	grpcServed := make(chan error, 1)
	go func() { grpcServed <- grpcSrv.Serve(grpcLn) }()
	defer func() {
		grpcSrv.GracefulStop()
		err = errors.Join(err, <-grpcServed)
	}()

	// The JSON-RPC server, likewise.
	rpcLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	rpcSrv := &http.Server{Handler: newInventory(), ReadHeaderTimeout: 5 * time.Second}
	rpcServed := make(chan error, 1)
	go func() { rpcServed <- rpcSrv.Serve(rpcLn) }()
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, rpcSrv.Shutdown(stopCtx))
		if serveErr := <-rpcServed; !errors.Is(serveErr, http.ErrServerClosed) {
			err = errors.Join(err, serveErr)
		}
	}()

	// [START calls]
	// gRPC: a known service (OK), then an unknown one (NotFound).
	if err := checkHealth(ctx, grpcLn.Addr().String(), "inventory", "payments"); err != nil {
		return err
	}
	// JSON-RPC: a reservation that succeeds, then one that fails.
	client := &jsonrpcClient{url: "http://" + rpcLn.Addr().String() + "/rpc"}
	for _, sku := range []string{"B-2001", "B-9999"} {
		var reserved reservation
		err := client.Call(ctx, "inventory.reserve", reservation{SKU: sku, Quantity: 1}, &reserved)
		if err != nil {
			fmt.Printf("jsonrpc: reserve %s: %v\n", sku, err)
			continue
		}
		fmt.Printf("jsonrpc: reserve %s: %d reserved\n", reserved.SKU, reserved.Quantity)
	}
	// [END calls]
	return nil
}

// reservation is the params and result of inventory.reserve.
type reservation struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// newInventory returns the JSON-RPC server with its one method,
// inventory.reserve, which knows one item, B-2001.
func newInventory() http.Handler {
	return &jsonrpcServer{methods: map[string]method{
		"inventory.reserve": func(_ context.Context, params json.RawMessage) (any, error) {
			var r reservation
			if err := json.Unmarshal(params, &r); err != nil {
				return nil, &rpcError{Code: -32602, Message: "Invalid params"}
			}
			if r.SKU != "B-2001" {
				return nil, &rpcError{Code: 404, Message: "unknown item " + r.SKU}
			}
			return r, nil
		},
	}}
}
