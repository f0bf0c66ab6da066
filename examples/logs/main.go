// Command logs sends log/slog records to OpenTelemetry through the otelslog
// bridge and exports them over OTLP/HTTP, with the trace and span ids of the
// active span.
//
// It is configured only by the standard OTEL_* variables, e.g.
// OTEL_EXPORTER_OTLP_ENDPOINT.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"time"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
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

	levels(ctx)
	attributes(ctx)
	checkout(ctx)
	cacheMiss(ctx)
	return nil
}

// [START logger]
// logger is an ordinary *slog.Logger whose handler sends every record to the
// global LoggerProvider. Its name becomes the instrumentation scope.
var logger = otelslog.NewLogger("oteldocs.dev/examples/logs")

// [END logger]

// [START levels]
// Levels of our own, between and beyond slog's four.
const (
	LevelTrace  = slog.Level(-8)
	LevelNotice = slog.Level(2)
	LevelFatal  = slog.Level(12)
)

func levels(ctx context.Context) {
	logger.Log(ctx, LevelTrace, "level trace")
	logger.DebugContext(ctx, "level debug")
	logger.InfoContext(ctx, "level info")
	logger.Log(ctx, LevelNotice, "level notice")
	logger.WarnContext(ctx, "level warn")
	logger.ErrorContext(ctx, "level error")
	logger.Log(ctx, LevelFatal, "level fatal")
}

// [END levels]

// [START attributes]
func attributes(ctx context.Context) {
	// With adds attributes to every record of the returned logger.
	l := logger.With("app.component", "payments")
	l.InfoContext(ctx, "payment authorized",
		slog.String("payment.currency", "EUR"),
		slog.Int("payment.amount_cents", 4250),
		slog.Float64("payment.fx_rate", 1.08),
		slog.Bool("payment.3ds", true),
		slog.Duration("payment.latency", 120*time.Millisecond),
		slog.Time("payment.due", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)),
		// A group is one attribute whose value is a map.
		slog.Group("customer", slog.String("id", "c-42"), slog.String("tier", "gold")),
		// The processor in setupOTel masks this one.
		slog.String("payment.card", "4242424242424242"),
	)

	// WithGroup nests all later attributes, With ones included, under a key.
	l.WithGroup("retry").With("attempt", 2).WarnContext(ctx, "payment retried",
		slog.String("reason", "timeout"))

	// An error value becomes exception.message and exception.type.
	err := fmt.Errorf("charge card: %w", errors.New("insufficient funds"))
	l.ErrorContext(ctx, "payment failed", "error", err)
}

// [END attributes]

// [START correlation]
func checkout(ctx context.Context) {
	ctx, span := otel.Tracer("oteldocs.dev/examples/logs").Start(ctx, "checkout")
	defer span.End()

	// The context holds the span: the record gets its trace and span id.
	logger.InfoContext(ctx, "order placed", "order.id", "o-1001")

	// Without the context the bridge cannot see the span: this record is
	// not correlated, although it is logged inside the span.
	logger.Info("order placed, no context", "order.id", "o-1001")
}

// [END correlation]

// [START cache]
// cacheLogger stands for the logger of a chatty dependency: the quiet
// processor drops its records below WARN.
var cacheLogger = otelslog.NewLogger("oteldocs.dev/examples/logs/cache")

func cacheMiss(ctx context.Context) {
	cacheLogger.DebugContext(ctx, "cache miss", "cache.key", "o-1001")
	cacheLogger.WarnContext(ctx, "cache full, evicting", "cache.evicted", 128)
}

// [END cache]
