// Command mqtt publishes one message to the broker at MQTT_URL and records
// it as a span: verify's tests check that needs: [mqtt] gives a broker.
package main

import (
	"context"
	"log"
	"os"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

func main() {
	ctx := context.Background()
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer tp.Shutdown(ctx)

	client := mqtt.NewClient(mqtt.NewClientOptions().AddBroker(os.Getenv("MQTT_URL")))
	if t := client.Connect(); t.Wait() && t.Error() != nil {
		log.Fatal(t.Error())
	}
	defer client.Disconnect(100)
	_, span := tp.Tracer("mqtt").Start(ctx, "publish sensors", trace.WithSpanKind(trace.SpanKindProducer))
	t := client.Publish("sensors", 1, false, "21.5")
	t.Wait()
	if err := t.Error(); err != nil {
		span.RecordError(err)
	}
	span.SetAttributes(attribute.String("messaging.destination.name", "sensors"))
	span.End()
}
