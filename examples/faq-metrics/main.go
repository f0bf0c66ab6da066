// Command faq-metrics records a few measurements and shows what the SDK
// does with instruments created more than once: the same instrument twice
// is one stream, the same name with another kind is two streams and a
// warning, which the SDK's logger prints only when asked to.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var meter = otel.Meter("oteldocs.dev/examples/faq-metrics")

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

	if err := sameInstrumentTwice(ctx); err != nil {
		return err
	}
	return sameNameOtherKind(ctx)
}

// [START same]
// sameInstrumentTwice creates one counter in two places, as two packages
// might. Same name, kind, unit and description: the SDK returns the same
// instrument, and both adds go to one data point.
func sameInstrumentTwice(ctx context.Context) error {
	opts := []metric.Int64CounterOption{metric.WithUnit("{job}"), metric.WithDescription("Jobs processed.")}
	inWorker, err := meter.Int64Counter("jobs.processed", opts...)
	if err != nil {
		return err
	}
	inScheduler, err := meter.Int64Counter("jobs.processed", opts...)
	if err != nil {
		return err
	}
	inWorker.Add(ctx, 2)
	inScheduler.Add(ctx, 3)
	return nil
}

// [END same]

// [START conflict]
// sameNameOtherKind creates "queue.jobs" as a counter and as an up-down
// counter. No error comes back: the SDK exports two streams of that name
// and logs a warning with a suggested view.
func sameNameOtherKind(ctx context.Context) error {
	enqueued, err := meter.Int64Counter("queue.jobs", metric.WithUnit("{job}"))
	if err != nil {
		return err
	}
	waiting, err := meter.Int64UpDownCounter("queue.jobs", metric.WithUnit("{job}"))
	if err != nil {
		return err
	}
	enqueued.Add(ctx, 4)
	waiting.Add(ctx, 1)
	return nil
}

// [END conflict]
