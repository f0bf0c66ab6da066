//go:build wasip1

// Command guest is a WebAssembly module for WASI (GOOS=wasip1 GOARCH=wasm)
// that prices an order. It cannot export telemetry itself: wasip1 has no
// sockets. Its spans are made by the host, through the functions it
// imports from the host's "otel" module.
package main

import (
	"fmt"
	"os"
)

// [START imports]
// The host's tracing functions. A span is a handle the host hands out;
// the parent is a W3C traceparent string, so the guest needs no SDK.

//go:wasmimport otel span_start
func spanStart(name, traceparent string) uint32

//go:wasmimport otel span_set_string
func spanSetString(span uint32, key, value string)

//go:wasmimport otel span_set_int
func spanSetInt(span uint32, key string, value int64)

//go:wasmimport otel span_end
func spanEnd(span uint32)

// [END imports]

type line struct {
	sku   string
	qty   int64
	cents int64
}

func main() {
	order := []line{{"SKU-1001", 2, 1999}, {"SKU-2002", 1, 550}}

	// [START spans]
	// The host passes its span in TRACEPARENT, as a parent process passes
	// one to a child.
	parent := os.Getenv("TRACEPARENT")

	span := spanStart("validate order", parent)
	spanSetInt(span, "order.lines", int64(len(order)))
	spanEnd(span)

	span = spanStart("price order", parent)
	var total int64
	for _, l := range order {
		total += l.qty * l.cents
	}
	spanSetString(span, "order.currency", "EUR")
	spanSetInt(span, "order.total_cents", total)
	spanEnd(span)
	// [END spans]

	fmt.Printf("guest: %d lines, total %d cents\n", len(order), total)
}
