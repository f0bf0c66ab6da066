package main

import (
	"context"
	"log"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("oteldocs.dev/examples/spankind-mqtt")

// Attributes every messaging span here shares. MQTT has no value of its
// own in the semantic conventions' list of systems: "mqtt" it is.
var mqttSystem = semconv.MessagingSystemKey.String("mqtt")

// Order is the data of a message.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// [START publish]
// publish sends an order to topic inside a PRODUCER span, and puts that
// span's context into the message, so consumers can refer to it.
func publish(ctx context.Context, c mqtt.Client, topic string, o Order) error {
	ctx, span := tracer.Start(ctx, "publish "+topic,
		trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			mqttSystem,
			semconv.MessagingOperationTypeSend,
			semconv.MessagingOperationName("publish"),
			semconv.MessagingDestinationName(topic),
			attribute.String("shop.order.id", o.ID),
		))
	defer span.End()

	payload, err := wrap(ctx, o) // ctx holds the PRODUCER span
	if err != nil {
		return err
	}
	// QoS 1: the broker acknowledges the message; Wait returns then.
	t := c.Publish(topic, 1, false, payload)
	if !t.WaitTimeout(5*time.Second) || t.Error() != nil {
		span.SetStatus(codes.Error, "publish failed")
		return t.Error()
	}
	return nil
}

// [END publish]

// [START process]
// process handles one message in a CONSUMER span. The conventions ask for a
// link to the producer's span; with a single message it may also be the
// parent, which keeps the whole path in one trace.
func process(msg mqtt.Message) {
	var o Order
	ctx, err := unwrap(context.Background(), msg.Payload(), &o)
	if err != nil {
		log.Printf("skip message on %s: %v", msg.Topic(), err)
		return
	}
	_, span := tracer.Start(ctx, "process "+msg.Topic(),
		trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithLinks(trace.LinkFromContext(ctx)),
		trace.WithAttributes(
			mqttSystem,
			semconv.MessagingOperationTypeProcess,
			semconv.MessagingOperationName("process"),
			semconv.MessagingDestinationName(msg.Topic()),
			attribute.String("shop.order.id", o.ID),
		))
	defer span.End()
	log.Printf("worker: %s", msg.Payload())
}

// [END process]

// [START batch]
// processBatch handles several messages in one CONSUMER span. A span has one
// parent, and these messages come from three traces, so the span starts a
// trace of its own and links to each producer span instead.
func processBatch(msgs []mqtt.Message) {
	var links []trace.Link
	var total float64
	for _, msg := range msgs {
		var o Order
		ctx, err := unwrap(context.Background(), msg.Payload(), &o)
		if err != nil {
			log.Printf("skip message on %s: %v", msg.Topic(), err)
			continue
		}
		total += o.Total
		id := attribute.String("shop.order.id", o.ID)
		links = append(links, trace.LinkFromContext(ctx, id))
	}
	_, span := tracer.Start(context.Background(), "process "+msgs[0].Topic(),
		trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithLinks(links...),
		trace.WithAttributes(
			mqttSystem,
			semconv.MessagingOperationTypeProcess,
			semconv.MessagingOperationName("process"),
			semconv.MessagingDestinationName(msgs[0].Topic()),
			semconv.MessagingBatchMessageCount(len(msgs)),
		))
	defer span.End()
	log.Printf("archiver: %d orders, total %.2f", len(msgs), total)
}

// [END batch]
