package main

import (
	"go.opentelemetry.io/otel/sdk/resource"
	semconvold "go.opentelemetry.io/otel/semconv/v1.26.0" // older on purpose: the page shows the conflict
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

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
