// Command faq-resource sets up tracing the way older pages show it: the
// SDK's default resource merged with attributes under the schema of semconv
// v1.26.0. The SDK's default resource carries the schema URL of the semconv
// version the SDK was built with, so setupOTel fails at start.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
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
	return nil
}
