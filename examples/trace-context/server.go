package main

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START server]
// newServer returns the stock service: an echo instance wrapped by otelhttp.
// For each request otelhttp extracts the caller's trace context from the
// headers and starts a SERVER span that continues it.
func newServer() http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.Use(spanRoute)
	e.GET("/stock/:sku", stock)
	return otelhttp.NewHandler(e, "http.server")
}

// [END server]

// [START route]
// spanRoute names the SERVER span after the matched route and sets
// http.route. otelhttp starts the span before echo has routed the request,
// so the route is only known here, inside echo. When no route matched,
// c.Path() is empty and the span keeps otelhttp's name, the method.
func spanRoute(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if route := c.Path(); route != "" {
			span := trace.SpanFromContext(c.Request().Context())
			span.SetName(c.Request().Method + " " + route)
			span.SetAttributes(semconv.HTTPRoute(route))
		}
		return next(c)
	}
}

// [END route]

// [START handler]
// stock answers with the stock of one item, and prints the traceparent
// header as it arrived and the server span's own context.
func stock(c echo.Context) error {
	traceparent := c.Request().Header.Get("traceparent")
	if traceparent == "" {
		traceparent = "(none)"
	}
	sc := trace.SpanContextFromContext(c.Request().Context())
	fmt.Printf("server: traceparent %s\n", traceparent)
	fmt.Printf("server: trace %s, span %s\n", sc.TraceID(), sc.SpanID())
	return c.JSON(http.StatusOK, map[string]any{"sku": c.Param("sku"), "in_stock": 3})
}

// [END handler]
