// Command semconv-schema-conflict shows the error a program gets when it
// merges a resource built with an older semantic conventions package than
// the SDK's own, and the fix: import the version the SDK uses. It prints the
// result of both merges, exports one span with the resource of the second
// over OTLP/HTTP (OTEL_EXPORTER_OTLP_*) and exits.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconvold "go.opentelemetry.io/otel/semconv/v1.26.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush: long enough for one export, short
// enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	if _, err := oldResource(); err != nil {
		fmt.Println("semconv v1.26.0:", err)
	}
	res, err := newResource()
	if err != nil {
		return err
	}
	fmt.Println("semconv v1.43.0: merged, schema", res.SchemaURL())

	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return err
	}
	tracerProvider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter), sdktrace.WithResource(res))
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, tracerProvider.Shutdown(ctx))
	}()
	_, span := tracerProvider.Tracer("oteldocs.dev/examples/semconv-schema-conflict").Start(ctx, "checkout")
	span.End()
	return nil
}

// [START conflict]
// oldResource adds the service's name, written with semconv v1.26.0, to the
// SDK's default resource, whose schema is the one of the SDK's own semconv
// import (v1.43.0 in SDK v1.47.0). Two different schema URLs cannot be
// merged: Merge returns resource.ErrSchemaURLConflict.
func oldResource() (*resource.Resource, error) {
	return resource.Merge(
		resource.Default(),
		resource.NewWithAttributes(semconvold.SchemaURL, semconvold.ServiceName("checkout")),
	)
}

// [END conflict]

// [START fix]
// newResource is the same merge with the semconv version the SDK uses.
func newResource() (*resource.Resource, error) {
	return resource.Merge(
		resource.Default(),
		resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("checkout")),
	)
}

// [END fix]
