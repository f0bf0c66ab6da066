// Command bare is the device of examples/iot-mqtt without OpenTelemetry:
// the same sensor, the same messages, no spans and no context in the user
// properties. It exists to measure what the SDK and the OTLP exporter add
// to the binary (content/iot/constrained.md).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/eclipse/paho.golang/paho"

	"oteldocs.dev/examples/iot-mqtt/sensor"
)

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

func run(ctx context.Context, device string, readings int, interval time.Duration) error {
	u, err := url.Parse(os.Getenv("MQTT_URL"))
	if err != nil || u.Host == "" {
		return fmt.Errorf("MQTT_URL: want tcp://host:port, got %q", os.Getenv("MQTT_URL"))
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return fmt.Errorf("connect to the broker: %w", err)
	}
	client := paho.NewClient(paho.ClientConfig{ClientID: device, Conn: conn})
	if _, err := client.Connect(ctx, &paho.Connect{ClientID: device, KeepAlive: 30, CleanStart: true}); err != nil {
		return fmt.Errorf("connect to the broker: %w", err)
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
		payload, err := json.Marshal(sht31.Read(device))
		if err != nil {
			return err
		}
		if _, err := client.Publish(ctx, &paho.Publish{Topic: topic, QoS: 1, Payload: payload}); err != nil {
			return err
		}
		log.Printf("bare: published to %s", topic)
	}
	return nil
}
