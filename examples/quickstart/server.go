package main

import (
	"database/sql"
	"errors"
	"net/http"
	"strconv"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// [START logger]
// logger sends slog records to the global OpenTelemetry LoggerProvider.
// Records logged with a context that holds a span carry its trace and span id.
var logger = otelslog.NewLogger("oteldocs.dev/examples/quickstart")

// [END logger]

// User is a row of the users table.
type User struct {
	ID   int    `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
}

// [START server]
// newServer returns the HTTP handler of the service: an echo instance
// wrapped by otelhttp, which starts a SERVER span and records
// http.server.request.duration for every request.
func newServer(db *sqlx.DB) http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.Use(routeTag)
	e.GET("/users/:id", getUser(db))
	return otelhttp.NewHandler(e, "http.server")
}

// [END server]

// [START route]
// routeTag names the span after the matched route and records http.route on
// both the span and the duration metric. otelhttp runs before echo routes the
// request, so it cannot know the route; this middleware runs after routing.
//
// When no route matched, echo's c.Path() is empty: the span keeps otelhttp's
// name (the method alone) and gets no http.route, rather than an empty one.
func routeTag(next echo.HandlerFunc) echo.HandlerFunc {
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

// [END route]

// [START handler]
// getUser reads one user. The request's context carries the server span, so
// the query below becomes its child and the log record is correlated with it.
func getUser(db *sqlx.DB) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		id, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "id must be a number")
		}
		var u User
		err = db.GetContext(ctx, &u, "SELECT id, name FROM users WHERE id = $1", id)
		if errors.Is(err, sql.ErrNoRows) {
			logger.WarnContext(ctx, "user not found", "user.id", id)
			return echo.NewHTTPError(http.StatusNotFound, "no such user")
		}
		if err != nil {
			return err
		}
		logger.InfoContext(ctx, "user found", "user.id", id)
		return c.JSON(http.StatusOK, u)
	}
}

// [END handler]
