package main

import (
	"context"
	"errors"
	"time"

	promclient "github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/contrib/instrumentation/runtime"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second

// setupOTel installs a MeterProvider with two readers, OTLP/HTTP to
// OTEL_EXPORTER_OTLP_ENDPOINT and a Prometheus exporter, two views, and the
// Go runtime metrics.
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

	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName("orders")), // default, env wins
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, err
	}

	metricExporter, err := otlpmetrichttp.New(ctx)
	if err != nil {
		return nil, err
	}
	// [START prometheus]
	// A pull reader: it collects when Prometheus scrapes /metrics.
	promReader, err := prometheus.New(prometheus.WithRegisterer(registry))
	if err != nil {
		return nil, err
	}
	// [END prometheus]
	meterProvider := sdkmetric.NewMeterProvider(
		sdkmetric.WithResource(res),
		// [START readers]
		// Each reader gets every metric, through the same views.
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExporter)),
		sdkmetric.WithReader(promReader),
		// [END readers]
		sdkmetric.WithView(views...),
	)
	shutdowns = append(shutdowns, meterProvider.Shutdown)

	// [START runtime]
	// Heap, GC, goroutines: read from runtime/metrics when a reader
	// collects.
	if err := runtime.Start(runtime.WithMeterProvider(meterProvider)); err != nil {
		return nil, err
	}
	// [END runtime]

	// Install globals only once every step succeeded.
	otel.SetMeterProvider(meterProvider)
	return shutdownAll, nil
}

// [START registry]
// registry holds only what OpenTelemetry exports. The default registry of
// client_golang also holds its own go_* and process_* collectors, which
// would report the runtime a second time under other names.
var registry = promclient.NewRegistry()

// [END registry]

// [START views]
// withoutUserID keeps every attribute but user.id: the series of all the
// users of a tier add up into one.
var withoutUserID = attribute.NewDenyKeysFilter("user.id")

// views has one view per instrument. Every view that matches an instrument
// makes a stream of its own, so a view for orders.* and another for
// orders.amount would not combine: write both changes into one.
var views = []sdkmetric.View{
	sdkmetric.NewView(
		sdkmetric.Instrument{Name: "orders.placed"},
		sdkmetric.Stream{AttributeFilter: withoutUserID},
	),
	sdkmetric.NewView(
		sdkmetric.Instrument{Name: "orders.amount"},
		sdkmetric.Stream{
			AttributeFilter: withoutUserID,
			// The default buckets (0, 5, 10, 25, ... 10000) suit
			// milliseconds; these suit order amounts in dollars.
			Aggregation: sdkmetric.AggregationExplicitBucketHistogram{
				Boundaries: []float64{10, 50, 100, 500, 1000},
			},
		},
	),
}

// [END views]
