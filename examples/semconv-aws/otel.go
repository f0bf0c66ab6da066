package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	ec2 "go.opentelemetry.io/contrib/detectors/aws/ec2/v2"
	"go.opentelemetry.io/contrib/detectors/aws/ecs"
	"go.opentelemetry.io/contrib/detectors/aws/eks"
	"go.opentelemetry.io/contrib/detectors/aws/lambda"
	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a global TracerProvider that exports over OTLP/HTTP
// (OTEL_EXPORTER_OTLP_*) with the resource newResource builds and trace IDs
// X-Ray accepts, and the X-Ray propagator, with W3C baggage.
func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error) {
	var shutdowns []func(context.Context) error
	shutdownAll := func(ctx context.Context) error {
		var errs error
		for _, fn := range shutdowns {
			errs = errors.Join(errs, fn(ctx))
		}
		shutdowns = nil
		return errs
	}
	// If a later step fails, stop the providers already built.
	defer func() {
		if err != nil {
			err = errors.Join(err, shutdownAll(ctx))
		}
	}()

	res, err := newResource(ctx)
	if err != nil {
		return nil, err
	}
	for _, kv := range res.Attributes() {
		fmt.Printf("%s=%s\n", kv.Key, kv.Value.Emit())
	}

	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	// [START xray]
	tracerProvider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
		// Trace IDs that start with the time in seconds, as X-Ray's do.
		sdktrace.WithIDGenerator(xray.NewIDGenerator()),
	)
	shutdowns = append(shutdowns, tracerProvider.Shutdown)

	// Install globals only once every step succeeded.
	otel.SetTracerProvider(tracerProvider)
	// Read and write X-Amzn-Trace-Id instead of traceparent.
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		xray.Propagator{}, propagation.Baggage{},
	))
	// [END xray]
	return shutdownAll, nil
}

// [START resource]
// newResource adds what the AWS detectors find to the service's own
// attributes. Each finds nothing where it does not run. Later detectors win
// a key: in an ECS task or an EKS pod on an EC2 instance, cloud.platform
// says ECS or EKS.
func newResource(ctx context.Context) (*resource.Resource, error) {
	res, err := resource.New(ctx,
		resource.WithAttributes(semconv.ServiceName("checkout")),
		resource.WithDetectors(
			ec2.NewResourceDetector(),    // instance metadata (IMDSv2)
			ecs.NewResourceDetector(),    // ECS_CONTAINER_METADATA_URI_V4
			eks.NewResourceDetector(),    // a pod's service account, the Kubernetes API
			lambda.NewResourceDetector(), // AWS_LAMBDA_FUNCTION_NAME
		),
		resource.WithTelemetrySDK(),
		resource.WithFromEnv(), // OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME
	)
	if errors.Is(err, resource.ErrPartialResource) {
		log.Printf("resource: %v", err)
		err = nil
	}
	return res, err
}

// [END resource]
