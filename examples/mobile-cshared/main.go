// Command mobile-cshared is a library, not a program: built with
// go build -buildmode=c-shared it becomes libwork.so and libwork.h, native
// code that an app loads the way Flutter's dart:ffi (DynamicLibrary.open)
// and React Native native modules load a C library. It exports three C
// functions: Init(endpoint), Work(traceparent) and Shutdown(). host.c is a
// small C host that calls them.
//
// The spans it makes in Work are children of the span the host passes in
// as a W3C traceparent, so the app's trace goes on inside the library.
package main

// #include <stdlib.h>
import "C"

import (
	"context"
	"log"
	"os"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
)

var tracer = otel.Tracer("oteldocs.dev/examples/mobile-cshared")

var (
	mu       sync.Mutex
	shutdown func(context.Context) error // set by Init, called by Shutdown
)

// [START init]
// Init sets up OpenTelemetry, exporting over OTLP/HTTP to endpoint, such
// as https://collector.example.com:4318. An app has no OTEL_* environment, so
// the host passes the address and Init puts it where the SDK reads it;
// call Init before other threads read the environment. It returns 0, or -1
// on failure.
//
//export Init
func Init(endpoint *C.char) C.int {
	mu.Lock()
	defer mu.Unlock()
	if shutdown != nil {
		return 0
	}
	if e := C.GoString(endpoint); e != "" {
		os.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", e)
	}
	var err error
	shutdown, err = setupOTel(context.Background())
	if err != nil {
		log.Printf("set up OpenTelemetry: %v", err)
		return -1
	}
	return 0
}

// [END init]

// [START work]
// Work syncs the cart in spans that are children of traceparent, the
// host's current span as a W3C traceparent string
// ("00-<trace id>-<span id>-<flags>"). An empty or invalid one makes
// them the root of a new trace. It returns the number of items synced.
//
//export Work
func Work(traceparent *C.char) C.int {
	carrier := propagation.MapCarrier{"traceparent": C.GoString(traceparent)}
	ctx := propagation.TraceContext{}.Extract(context.Background(), carrier)

	ctx, span := tracer.Start(ctx, "sync cart")
	defer span.End()
	items := []string{"SKU-1001", "SKU-2002", "SKU-3003"}
	span.SetAttributes(attribute.Int("cart.items", len(items)))

	_, encode := tracer.Start(ctx, "encode cart")
	encode.SetAttributes(attribute.String("cart.format", "json"))
	encode.End()
	return C.int(len(items))
}

// [END work]

// [START shutdown]
// Shutdown flushes the spans still in memory and stops the SDK. Call it when
// the app goes to the background: a mobile OS may kill the process later
// without warning. It returns 0, or -1 when the flush failed.
//
//export Shutdown
func Shutdown() C.int {
	mu.Lock()
	defer mu.Unlock()
	if shutdown == nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := shutdown(ctx)
	shutdown = nil
	if err != nil {
		log.Printf("shut down OpenTelemetry: %v", err)
		return -1
	}
	return 0
}

// [END shutdown]

// main is required by -buildmode=c-shared and never runs.
func main() {}
