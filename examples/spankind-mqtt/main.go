// Command spankind-mqtt shows the PRODUCER and CONSUMER span kinds over an
// MQTT broker: a shop publishes orders, a worker processes each one, and an
// archiver processes them in a batch. The trace context travels inside each
// message.
//
// It is configured by MQTT_URL (e.g. tcp://localhost:1883) and the standard
// OTEL_* variables.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

const topic = "shop/orders"

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = errors.Join(err, shutdown(flushCtx))
	}()

	url := os.Getenv("MQTT_URL")
	if url == "" {
		url = "tcp://localhost:1883"
	}
	orders := []Order{{"o-1", 12.5}, {"o-2", 30}, {"o-3", 7.25}}
	var wg sync.WaitGroup
	wg.Add(2 * len(orders)) // each order, by the worker and by the archiver

	// [START subscribe]
	// The worker processes each order as it arrives.
	worker, err := connect(url, "worker")
	if err != nil {
		return err
	}
	defer worker.Disconnect(250)
	if err := subscribe(worker, func(_ mqtt.Client, msg mqtt.Message) {
		process(msg)
		wg.Done()
	}); err != nil {
		return err
	}

	// The archiver gets the same messages and processes them in batches.
	archiver, err := connect(url, "archiver")
	if err != nil {
		return err
	}
	defer archiver.Disconnect(250)
	inbox := make(chan mqtt.Message, 100)
	go collect(inbox, len(orders), 2*time.Second, func(msgs []mqtt.Message) {
		processBatch(msgs)
		wg.Add(-len(msgs))
	})
	// The handler only queues: paho calls handlers one at a time.
	if err := subscribe(archiver, func(_ mqtt.Client, msg mqtt.Message) {
		inbox <- msg
	}); err != nil {
		return err
	}
	// [END subscribe]

	shop, err := connect(url, "shop")
	if err != nil {
		return err
	}
	defer shop.Disconnect(250)
	for _, o := range orders {
		if err := publish(ctx, shop, topic, o); err != nil {
			return fmt.Errorf("publish %s: %w", o.ID, err)
		}
	}

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-time.After(10 * time.Second):
		return errors.New("timed out waiting for the consumers")
	}
}

// connect connects a client to the broker. Client ids must be unique per
// broker: a random suffix keeps two copies of this program apart.
func connect(url, name string) (mqtt.Client, error) {
	opts := mqtt.NewClientOptions().
		AddBroker(url).
		SetClientID(name + "-" + rand.Text()[:8]).
		SetCleanSession(true)
	c := mqtt.NewClient(opts)
	if t := c.Connect(); !t.WaitTimeout(10*time.Second) || t.Error() != nil {
		return nil, fmt.Errorf("connect %s to %s: %v", name, url, t.Error())
	}
	return c, nil
}

func subscribe(c mqtt.Client, handler mqtt.MessageHandler) error {
	t := c.Subscribe(topic, 1, handler)
	if !t.WaitTimeout(5*time.Second) || t.Error() != nil {
		return fmt.Errorf("subscribe to %s: %v", topic, t.Error())
	}
	return nil
}

// collect reads messages from in and hands them to flush in batches of
// size, or of whatever arrived within wait of a batch's first message.
func collect(in <-chan mqtt.Message, size int, wait time.Duration, flush func([]mqtt.Message)) {
	for msg := range in {
		batch := []mqtt.Message{msg}
		timeout := time.After(wait)
	fill:
		for len(batch) < size {
			select {
			case m, ok := <-in:
				if !ok {
					break fill
				}
				batch = append(batch, m)
			case <-timeout:
				break fill
			}
		}
		flush(batch)
	}
}
