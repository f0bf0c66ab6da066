package main

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START users-server]
// newUsersServer returns the users service: an echo instance wrapped by
// otelhttp, which starts a SERVER span and records
// http.server.request.duration for each request.
func newUsersServer() http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.Use(routeSpan)
	e.GET("/users/:id", getUser)
	return otelhttp.NewHandler(e, "users")
}

// [END users-server]

// [START route]
// routeSpan gives the SERVER span the name the conventions ask for,
// "{method} {route}", and the http.route attribute. otelhttp starts the span
// before echo has routed the request, so the route is only known here. The
// labeler carries http.route to the duration metric too. When no route
// matched, c.Path() is empty and otelhttp's own name, the method, stays.
func routeSpan(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if route := c.Path(); route != "" {
			ctx := c.Request().Context()
			span := trace.SpanFromContext(ctx)
			span.SetName(c.Request().Method + " " + route)
			span.SetAttributes(semconv.HTTPRoute(route))
			if labeler, ok := otelhttp.LabelerFromContext(ctx); ok {
				labeler.Add(semconv.HTTPRoute(route))
			}
		}
		return next(c)
	}
}

// [END route]

// [START handler]
// getUser answers 200 for a known user, 404 for an unknown one and 500
// when the user store fails.
func getUser(c echo.Context) error {
	user, err := findUser(c.Param("id"))
	switch {
	case errors.Is(err, errNoUser):
		return echo.NewHTTPError(http.StatusNotFound, "no such user")
	case err != nil:
		return err // echo answers 500 Internal Server Error
	}
	return c.JSON(http.StatusOK, user)
}

// [END handler]

var errNoUser = errors.New("no such user")

// findUser stands in for a user store: user 42 exists, user 13's record
// cannot be read, every other user is unknown.
func findUser(id string) (map[string]string, error) {
	switch id {
	case "42":
		return map[string]string{"id": id, "name": "Ada"}, nil
	case "13":
		return nil, errors.New("user store: record damaged")
	}
	return nil, errNoUser
}
