//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"syscall/js"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
)

// listen wires the page's controls: typing in the name field, and the
// button that asks the server to say hello.
func listen() {
	name := document.Call("getElementById", "name")
	on(name, "input", func(context.Context) error { return nil })
	on(document.Call("getElementById", "echo"), "click", func(ctx context.Context) error {
		return sayHello(ctx, name.Get("value").String())
	})
}

// [START interaction]
// on handles the event on el in a span named after the event, with the
// attributes OpenTelemetry's JavaScript user-interaction instrumentation
// uses. The handler runs in a goroutine: one that blocks (a fetch) in a
// browser's event callback would deadlock the page.
func on(el js.Value, event string, handle func(context.Context) error) {
	fn := js.FuncOf(func(js.Value, []js.Value) any {
		ctx, span := otel.Tracer(scope).Start(context.Background(), event)
		span.SetAttributes(
			attribute.String("event_type", event),
			attribute.String("target_element", el.Get("tagName").String()),
			attribute.String("target_xpath", fmt.Sprintf("//*[@id=%q]", el.Get("id").String())),
		)
		go func() {
			defer span.End()
			if err := handle(ctx); err != nil {
				span.RecordError(err)
				span.SetStatus(codes.Error, err.Error())
			}
		}()
		return nil
	})
	el.Call("addEventListener", event, fn)
}

// [END interaction]

// [START fetch]
// client makes a CLIENT span for each request and writes its context into
// the traceparent header. Its transport is http.DefaultTransport, which
// a js/wasm program sends with the browser's fetch.
var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
	// Semantic conventions name a CLIENT span after the method alone.
	otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method }),
)}

// sayHello asks the server's echo API and shows its answer.
func sayHello(ctx context.Context, name string) error {
	u := window.Get("location").Get("origin").String() + "/api/echo?name=" + url.QueryEscape(name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var answer struct{ Hello string }
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return err
	}
	document.Call("getElementById", "answer").Set("textContent", "Hello, "+answer.Hello)
	return nil
}

// [END fetch]
