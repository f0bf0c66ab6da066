// Command gateway subscribes to the readings of every device, continues
// each device's trace from the message's MQTT 5 user properties, and turns
// the readings into metrics: the last temperature of each device (a gauge)
// and the spread of humidity (a histogram). It serves until interrupted.
//
// It is configured by MQTT_URL (e.g. tcp://localhost:1883) and the standard
// OTEL_* variables.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/eclipse/paho.golang/paho"
)

// subscription matches the topic of every device's readings.
const subscription = "sensors/+/readings"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is cancelled by the signal that stops us.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()
	agg, err := newAggregator()
	if err != nil {
		return err
	}

	u, err := url.Parse(os.Getenv("MQTT_URL"))
	if err != nil || u.Host == "" {
		return fmt.Errorf("MQTT_URL: want tcp://host:port, got %q", os.Getenv("MQTT_URL"))
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return fmt.Errorf("connect to the broker: %w", err)
	}
	client := paho.NewClient(paho.ClientConfig{
		ClientID: "gateway",
		Conn:     conn,
		OnPublishReceived: []func(paho.PublishReceived) (bool, error){
			func(pr paho.PublishReceived) (bool, error) {
				if err := agg.handle(pr.Packet); err != nil {
					log.Printf("gateway: skip message on %s: %v", pr.Packet.Topic, err)
				}
				return true, nil
			},
		},
	})
	if _, err := client.Connect(ctx, &paho.Connect{ClientID: "gateway", KeepAlive: 30, CleanStart: true}); err != nil {
		return fmt.Errorf("connect to the broker: %w", err)
	}
	defer client.Disconnect(&paho.Disconnect{ReasonCode: 0})
	if _, err := client.Subscribe(ctx, &paho.Subscribe{
		Subscriptions: []paho.SubscribeOptions{{Topic: subscription, QoS: 1}},
	}); err != nil {
		return fmt.Errorf("subscribe to %s: %w", subscription, err)
	}
	log.Printf("gateway: subscribed to %s", subscription)

	select {
	case <-ctx.Done(): // Ctrl-C or SIGTERM: stop and flush
		log.Printf("gateway: stopping after %d readings", agg.count())
		return nil
	case <-client.Done():
		return errors.New("the broker closed the connection")
	}
}

// shutdownTimeout bounds the final flush in run: long enough for one export,
// short enough that a stuck Collector does not hang the exit.
const shutdownTimeout = 5 * time.Second
