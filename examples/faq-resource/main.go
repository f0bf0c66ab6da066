// Command faq-resource builds its resource the way older pages show it:
// the SDK's default resource merged with attributes under the schema of
// semconv v1.26.0. The SDK's default resource carries the schema URL of the
// semconv version the SDK was built with, so the merge fails at start.
package main

import (
	"context"
	"fmt"
	"log"

	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) error {
	// [START merge]
	// semconv v1.26.0 pins its own schema URL; resource.Default() carries
	// the one of the semconv version inside the SDK. Two different schema
	// URLs cannot be merged.
	res, err := resource.Merge(
		resource.Default(),
		resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("checkout")),
	)
	if err != nil {
		return fmt.Errorf("build resource: %w", err)
	}
	// [END merge]
	tracerProvider := sdktrace.NewTracerProvider(sdktrace.WithResource(res))
	return tracerProvider.Shutdown(ctx)
}
