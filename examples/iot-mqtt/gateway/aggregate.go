package main

import (
	"context"
	"encoding/json"
	"log"
	"sync/atomic"

	"github.com/eclipse/paho.golang/paho"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"oteldocs.dev/examples/iot-mqtt/userprops"
)

// topicTemplate is the devices' topic, as the device names it.
const topicTemplate = "sensors/{device}/readings"

var (
	tracer = otel.Tracer("oteldocs.dev/examples/iot-mqtt/gateway")
	meter  = otel.Meter("oteldocs.dev/examples/iot-mqtt/gateway")
)

// reading is the device's message.
type reading struct {
	Device      string  `json:"device"`
	Temperature float64 `json:"temperature_c"`
	Humidity    float64 `json:"humidity_pct"`
}

// aggregator turns readings into metrics.
type aggregator struct {
	temperature metric.Float64Gauge
	humidity    metric.Float64Histogram
	n           atomic.Int64
}

func newAggregator() (*aggregator, error) {
	temperature, err := meter.Float64Gauge("sensor.temperature",
		metric.WithUnit("Cel"),
		metric.WithDescription("The last temperature a device reported."))
	if err != nil {
		return nil, err
	}
	humidity, err := meter.Float64Histogram("sensor.relative_humidity",
		metric.WithUnit("%"),
		metric.WithDescription("Relative humidity the devices reported."),
		metric.WithExplicitBucketBoundaries(30, 40, 50, 60, 70))
	if err != nil {
		return nil, err
	}
	return &aggregator{temperature: temperature, humidity: humidity}, nil
}

// [START process]
// handle processes one message in a CONSUMER span. The device's PRODUCER
// span, read from the user properties, is its parent, so device and
// gateway share one trace; it is also a link, as the messaging conventions
// ask of consumers.
func (a *aggregator) handle(p *paho.Publish) error {
	var props paho.UserProperties
	if p.Properties != nil {
		props = p.Properties.User
	}
	ctx := otel.GetTextMapPropagator().Extract(context.Background(), userprops.Carrier{Props: &props})
	ctx, span := tracer.Start(ctx, "process "+topicTemplate,
		trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithLinks(trace.LinkFromContext(ctx)),
		trace.WithAttributes(
			semconv.MessagingSystemKey.String("mqtt"),
			semconv.MessagingOperationTypeProcess,
			semconv.MessagingOperationName("process"),
			semconv.MessagingDestinationName(p.Topic),
			semconv.MessagingDestinationTemplate(topicTemplate),
			semconv.MessagingMessageBodySize(len(p.Payload)),
		))
	defer span.End()

	var r reading
	if err := json.Unmarshal(p.Payload, &r); err != nil {
		return err
	}
	device := metric.WithAttributes(attribute.String("device.id", r.Device))
	a.temperature.Record(ctx, r.Temperature, device)
	a.humidity.Record(ctx, r.Humidity, device)
	a.n.Add(1)
	log.Printf("gateway: %s: %.2f °C, %.2f %%RH", r.Device, r.Temperature, r.Humidity)
	return nil
}

// [END process]

func (a *aggregator) count() int64 { return a.n.Load() }
