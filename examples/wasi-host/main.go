// Command wasi-host runs a WebAssembly module built for WASI (wasip1) with
// wazero, inside a span of its own. The module cannot reach the network:
// it records spans through host functions (otelhost.go), and the host
// exports them with its own SDK.
//
// Usage: wasi-host [guest.wasm]. Build the guest first:
//
//	GOOS=wasip1 GOARCH=wasm go build -o guest.wasm ./guest
//
// It is configured only by the standard OTEL_* environment variables.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func main() {
	path := "guest.wasm"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := run(context.Background(), path); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, path string) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	wasm, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read the guest (build it with GOOS=wasip1 GOARCH=wasm go build -o guest.wasm ./guest): %w", err)
	}
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	if err := instantiateOTel(ctx, r); err != nil {
		return err
	}
	compiled, err := r.CompileModule(ctx, wasm)
	if err != nil {
		return fmt.Errorf("compile %s: %w", path, err)
	}
	return runGuest(ctx, r, compiled)
}

// [START run]
// runGuest runs the guest's main in a span of the host, and gives the
// guest that span as a W3C traceparent in its TRACEPARENT variable.
func runGuest(ctx context.Context, r wazero.Runtime, guest wazero.CompiledModule) error {
	ctx, span := tracer.Start(ctx, "run guest")
	defer span.End()

	carrier := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, carrier)
	config := wazero.NewModuleConfig().
		WithName("guest").
		WithStdout(os.Stdout).
		WithStderr(os.Stderr).
		WithEnv("TRACEPARENT", carrier.Get("traceparent"))
	mod, err := r.InstantiateModule(ctx, guest, config) // runs its main
	if err != nil {
		return fmt.Errorf("run guest: %w", err)
	}
	return mod.Close(ctx)
}

// [END run]
