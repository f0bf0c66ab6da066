package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// Attributes of our own on the "regression" event.
const (
	previousSecondsKey = attribute.Key("otelci.test.duration.previous") // seconds
	currentSecondsKey  = attribute.Key("otelci.test.duration.current")  // seconds
)

// [START regress]
// regressCmd compares the test durations of this run with the previous
// run's, both as `otelci gotest -summary` wrote them. A test that passed
// both times is a regression when it took more than -factor times as long
// as before and at least -min longer: the factor catches real slowdowns,
// the minimum keeps a 2 ms test that took 5 ms from failing the pipeline.
// Each regression is an event on the span, and the command exits 1.
func regressCmd(ctx context.Context, args []string) (int, error) {
	flags := flag.NewFlagSet("regress", flag.ContinueOnError)
	previous := flags.String("previous", "", "the summary `file` of the previous run")
	current := flags.String("current", "", "the summary `file` of this run")
	factor := flags.Float64("factor", 2, "how many times slower a test may get")
	minimum := flags.Duration("min", 500*time.Millisecond, "how much slower a test must get to count")
	if err := flags.Parse(args); err != nil {
		return 2, err
	}
	if *previous == "" || *current == "" {
		return 2, errors.New("give -previous FILE and -current FILE, written by otelci gotest -summary")
	}

	ctx, span := otel.Tracer("oteldocs.dev/examples/otelci").Start(parentFromEnv(ctx), "regress")
	defer span.End()
	now, err := readSummary(*current)
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
		return 1, err
	}
	before, err := readSummary(*previous)
	if errors.Is(err, fs.ErrNotExist) {
		// The first run of a pipeline has nothing to compare with.
		fmt.Printf("regress: no previous run at %s: nothing to compare\n", *previous)
		return 0, nil
	}
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
		return 1, err
	}

	slower, compared := regressions(before, now, *factor, *minimum)
	for _, r := range slower {
		fmt.Printf("regress: %s %s took %.2fs, was %.2fs\n", r.Package, r.Test, r.now, r.before)
		span.AddEvent("regression", trace.WithAttributes(
			semconv.TestSuiteName(r.Package), semconv.TestCaseName(r.Test),
			previousSecondsKey.Float64(r.before), currentSecondsKey.Float64(r.now)))
	}
	if len(slower) > 0 {
		msg := fmt.Sprintf("%d test(s) more than %gx and %s slower than the previous run", len(slower), *factor, *minimum)
		span.SetStatus(codes.Error, msg)
		return 1, errors.New(msg)
	}
	fmt.Printf("regress: %d test(s) compared, none slower than %gx and %s\n", compared, *factor, *minimum)
	return 0, nil
}

// [END regress]

// regression is a test that got slower.
type regression struct {
	Package, Test string
	before, now   float64 // seconds
}

// regressions lists the tests that passed in both runs and got slower by
// more than factor times and min, and counts the tests it compared.
func regressions(before, now summary, factor float64, min time.Duration) (slower []regression, compared int) {
	prev := map[[2]string]float64{}
	for _, t := range before.Tests {
		if t.Result == "pass" {
			prev[[2]string{t.Package, t.Test}] = t.Seconds
		}
	}
	for _, t := range now.Tests {
		was, ok := prev[[2]string{t.Package, t.Test}]
		if !ok || t.Result != "pass" {
			continue
		}
		compared++
		if t.Seconds > was*factor && t.Seconds-was >= min.Seconds() {
			slower = append(slower, regression{Package: t.Package, Test: t.Test, before: was, now: t.Seconds})
		}
	}
	return slower, compared
}
