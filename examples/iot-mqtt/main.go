// Command iot-mqtt is a device: it reads a temperature and humidity sensor
// (a simulated SHT31) and publishes each reading over MQTT 5, with the
// trace context in the message's user properties. The gateway in ./gateway
// receives the readings.
//
// It is configured by MQTT_URL (e.g. tcp://localhost:1883), TRACE_BURST and
// TRACE_EVERY (how many traces it keeps, see otel.go) and the standard
// OTEL_* variables. It takes -readings readings, one every -interval, and
// exits: a duty-cycled device that wakes, samples and sleeps.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/eclipse/paho.golang/paho"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"oteldocs.dev/examples/iot-mqtt/sensor"
	"oteldocs.dev/examples/iot-mqtt/userprops"
)

// topicTemplate is the topic of every device's readings, with the device
// in place of {device}.
const topicTemplate = "sensors/{device}/readings"

var tracer = otel.Tracer("oteldocs.dev/examples/iot-mqtt")

func main() {
	readings := flag.Int("readings", 3, "how many readings to take")
	interval := flag.Duration("interval", 10*time.Second, "time between readings")
	device := flag.String("device", "sht31-1", "this device's id, in the topic")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *device, *readings, *interval); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, device string, readings int, interval time.Duration) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	client, err := connect(ctx, os.Getenv("MQTT_URL"), device)
	if err != nil {
		return err
	}
	defer client.Disconnect(&paho.Disconnect{ReasonCode: 0})

	sht31 := &sensor.SHT31{}
	topic := "sensors/" + device + "/readings"
	for i := range readings {
		if i > 0 {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(interval):
			}
		}
		r := sht31.Read(device)
		if err := publish(ctx, client, topic, r); err != nil {
			return err
		}
		log.Printf("device: published %.2f °C, %.2f %%RH to %s", r.Temperature, r.Humidity, topic)
	}
	return nil
}

// connect opens an MQTT 5 session with the broker at rawURL
// (tcp://host:port).
func connect(ctx context.Context, rawURL, clientID string) (*paho.Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("MQTT_URL: want tcp://host:port, got %q", rawURL)
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return nil, fmt.Errorf("connect to the broker: %w", err)
	}
	client := paho.NewClient(paho.ClientConfig{ClientID: clientID, Conn: conn})
	ack, err := client.Connect(ctx, &paho.Connect{ClientID: clientID, KeepAlive: 30, CleanStart: true})
	if err != nil {
		return nil, fmt.Errorf("connect to the broker: %w", err)
	}
	if ack.ReasonCode != 0 {
		return nil, fmt.Errorf("the broker refused the connection: reason %d", ack.ReasonCode)
	}
	return client, nil
}

// [START publish]
// publish sends one reading to topic inside a PRODUCER span, and injects
// that span's context into the message's user properties, so the gateway
// continues the trace.
func publish(ctx context.Context, c *paho.Client, topic string, r sensor.Reading) error {
	ctx, span := tracer.Start(ctx, "publish "+topicTemplate,
		trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			semconv.MessagingSystemKey.String("mqtt"), // no value of its own in semconv
			semconv.MessagingOperationTypeSend,
			semconv.MessagingOperationName("publish"),
			semconv.MessagingDestinationName(topic),
			semconv.MessagingDestinationTemplate(topicTemplate),
			semconv.MessagingClientID(r.Device),
		))
	defer span.End()

	payload, err := json.Marshal(r)
	if err != nil {
		return err
	}
	span.SetAttributes(semconv.MessagingMessageBodySize(len(payload)))
	props := &paho.PublishProperties{ContentType: "application/json"}
	otel.GetTextMapPropagator().Inject(ctx, userprops.Carrier{Props: &props.User})

	// QoS 1: Publish returns once the broker has acknowledged the message.
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err = c.Publish(ctx, &paho.Publish{Topic: topic, QoS: 1, Payload: payload, Properties: props})
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return err
}

// [END publish]
