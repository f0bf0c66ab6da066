//go:build js && wasm

// Command wasm is the telemetry of the shop's web page, compiled to
// WebAssembly (GOOS=js GOARCH=wasm) and started by web/index.html. It records
// how the page loaded, the clicks and inputs it handles and the fetches they
// make, and exports the spans over the browser's fetch to the Collector
// named by OTEL_EXPORTER_OTLP_ENDPOINT (handed over by the server). Spans
// wait in localStorage while the browser is offline.
package main

import (
	"context"
	"errors"
	"syscall/js"
	"time"
)

const scope = "oteldocs.dev/examples/browser-wasm/wasm"

var (
	window   = js.Global()
	document = window.Get("document")
	console  = window.Get("console")
)

func main() {
	if err := run(context.Background()); err != nil {
		console.Call("error", "telemetry: "+err.Error())
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return err
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	listen()
	recordDocumentLoad(ctx)
	// A page's module runs until the page goes away: flush then.
	<-pageHidden()
	return nil
}

// shutdownTimeout bounds the final flush when the page is hidden.
const shutdownTimeout = 2 * time.Second

// pageHidden is closed when the page is being unloaded (pagehide).
func pageHidden() <-chan struct{} {
	done := make(chan struct{})
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		f.Release()
		return nil
	})
	window.Call("addEventListener", "pagehide", f, map[string]any{"once": true})
	return done
}
