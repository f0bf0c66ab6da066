package main

import (
	"context"
	"errors"
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
	// QoS 1: the broker acknowledges the message. WaitTimeout returns false
	// when no acknowledgement came in time, and Error is then nil: a timeout
	// has to be turned into an error here, or it passes as a success.
	t := c.Publish(topic, 1, false, payload)
	if !t.WaitTimeout(5 * time.Second) {
		err = errors.New("no acknowledgement from the broker within 5s")
	} else {
		err = t.Error()
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return err
}

// [END publish]

// [START process]
// process handles one message in a CONSUMER span and returns the order it
// held. The conventions ask for a link to the producer's span; with a single
// message it may also be the parent, which keeps the whole path in one
// trace.
func process(msg mqtt.Message) (Order, error) {
	var o Order
	ctx, err := unwrap(context.Background(), msg.Payload(), &o)
	if err != nil {
		return o, err
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
	return o, nil
}

// [END process]

// [START batch]
// processBatch handles several messages in one CONSUMER span and returns
// the orders they held. A span has one parent, and these messages come from
// three traces, so the span starts a trace of its own and links to each
// producer span instead.
func processBatch(msgs []mqtt.Message) []Order {
	var links []trace.Link
	var orders []Order
	var total float64
	for _, msg := range msgs {
		var o Order
		producer, err := unwrap(context.Background(), msg.Payload(), &o)
		if err != nil {
			log.Printf("skip message on %s: %v", msg.Topic(), err)
			continue
		}
		orders = append(orders, o)
		total += o.Total
		id := attribute.String("shop.order.id", o.ID)
		links = append(links, trace.LinkFromContext(producer, id))
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
	log.Printf("archiver: %d orders, total %.2f", len(orders), total)
	return orders
}

// [END batch]
