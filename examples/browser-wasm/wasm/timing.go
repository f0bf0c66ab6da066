//go:build js && wasm

package main

import (
	"context"
	"syscall/js"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// paintWait bounds how long the page waits for the browser to report the
// largest contentful paint before it ends the document-load span without it.
const paintWait = 3 * time.Second

// [START document-load]
// recordDocumentLoad waits for the page's load event, then records one span
// from the start of the navigation to the end of the load event, with the
// Navigation Timing and Paint Timing figures, in milliseconds since the
// navigation started, as attributes.
func recordDocumentLoad(ctx context.Context) {
	<-loaded()
	perf := window.Get("performance")
	nav := perf.Call("getEntriesByType", "navigation").Index(0)
	origin := perf.Get("timeOrigin").Float()
	at := func(ms float64) time.Time { return time.UnixMicro(int64((origin + ms) * 1000)) }

	attrs := []attribute.KeyValue{
		semconv.URLFull(window.Get("location").Get("href").String()),
		semconv.UserAgentOriginal(window.Get("navigator").Get("userAgent").String()),
		attribute.Float64("page.ttfb_ms", nav.Get("responseStart").Float()),
		attribute.Float64("page.dom_content_loaded_ms", nav.Get("domContentLoadedEventEnd").Float()),
		attribute.Float64("page.load_ms", nav.Get("loadEventEnd").Float()),
	}
	if ms, ok := <-lastEntry("paint", "first-contentful-paint"); ok {
		attrs = append(attrs, attribute.Float64("page.fcp_ms", ms))
	}
	if ms, ok := <-lastEntry("largest-contentful-paint", ""); ok {
		attrs = append(attrs, attribute.Float64("page.lcp_ms", ms))
	}
	_, span := otel.Tracer(scope).Start(ctx, "documentLoad",
		trace.WithTimestamp(at(0)), trace.WithAttributes(attrs...))
	span.End(trace.WithTimestamp(at(nav.Get("loadEventEnd").Float())))
}

// [END document-load]

// loaded is closed once the load event has finished (loadEventEnd is set).
func loaded() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		for {
			nav := window.Get("performance").Call("getEntriesByType", "navigation")
			if nav.Length() > 0 && nav.Index(0).Get("loadEventEnd").Float() > 0 {
				close(done)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	return done
}

// lastEntry reports the start time of the last performance entry of the
// type (and name, if not empty) that the browser reports within paintWait,
// through a PerformanceObserver that also sees entries made before it.
func lastEntry(typ, name string) <-chan float64 {
	found := make(chan float64, 1)
	var last float64
	seen := false
	cb := js.FuncOf(func(_ js.Value, args []js.Value) any {
		entries := args[0].Call("getEntries")
		for i := range entries.Length() {
			e := entries.Index(i)
			if name == "" || e.Get("name").String() == name {
				last, seen = e.Get("startTime").Float(), true
			}
		}
		return nil
	})
	obs := window.Get("PerformanceObserver").New(cb)
	obs.Call("observe", map[string]any{"type": typ, "buffered": true})
	go func() {
		deadline := time.Now().Add(paintWait)
		for !seen && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		obs.Call("disconnect")
		cb.Release()
		if seen {
			found <- last
		}
		close(found)
	}()
	return found
}
