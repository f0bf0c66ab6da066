package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START echo]
// newEchoServer wraps an echo instance in otelhttp (otelecho is no longer
// released) and adds echoRoute, which runs after echo has routed.
func newEchoServer() http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.Use(echoRoute)
	e.GET("/users/:id", func(c echo.Context) error {
		return c.String(http.StatusOK, "user "+c.Param("id"))
	})
	return otelhttp.NewHandler(e, "users")
}

// echoRoute names the span after the matched route and records http.route
// on the span and on the duration metric. When no route matched, c.Path()
// is empty and the span keeps otelhttp's name.
func echoRoute(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		route := c.Path()
		if route == "" {
			return next(c)
		}
		ctx := c.Request().Context()
		span := trace.SpanFromContext(ctx)
		span.SetName(c.Request().Method + " " + route)
		span.SetAttributes(semconv.HTTPRoute(route))
		if labeler, ok := otelhttp.LabelerFromContext(ctx); ok {
			labeler.Add(semconv.HTTPRoute(route))
		}
		return next(c)
	}
}

// [END echo]
