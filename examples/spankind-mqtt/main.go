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
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	url := os.Getenv("MQTT_URL")
	if url == "" {
		url = "tcp://localhost:1883"
	}
	orders := []Order{{"o-1", 12.5}, {"o-2", 30}, {"o-3", 7.25}}
	// QoS 1 is "at least once": the broker may deliver a message twice.
	// Each consumer counts an order once, by its id.
	worked, archived := newTally(len(orders)), newTally(len(orders))

	// [START subscribe]
	// The worker processes each order as it arrives.
	worker, err := connect(url, "worker")
	if err != nil {
		return err
	}
	defer worker.Disconnect(250)
	if err := subscribe(worker, func(_ mqtt.Client, msg mqtt.Message) {
		o, err := process(msg)
		if err != nil {
			log.Printf("skip message on %s: %v", msg.Topic(), err)
			return
		}
		worked.add(o.ID)
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
		for _, o := range processBatch(msgs) {
			archived.add(o.ID)
		}
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

	timeout := time.After(10 * time.Second)
	for _, t := range []*tally{worked, archived} {
		select {
		case <-t.done:
		case <-timeout:
			return errors.New("timed out waiting for the consumers")
		}
	}
	return nil
}

// tally closes done once it has seen want distinct ids.
type tally struct {
	mu   sync.Mutex
	seen map[string]bool
	want int
	done chan struct{}
}

func newTally(want int) *tally {
	return &tally{seen: map[string]bool{}, want: want, done: make(chan struct{})}
}

func (t *tally) add(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.seen[id] {
		return // a redelivery
	}
	t.seen[id] = true
	if len(t.seen) == t.want {
		close(t.done)
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
	if err := wait(c.Connect(), 10*time.Second); err != nil {
		return nil, fmt.Errorf("connect %s to %s: %w", name, url, err)
	}
	return c, nil
}

func subscribe(c mqtt.Client, handler mqtt.MessageHandler) error {
	if err := wait(c.Subscribe(topic, 1, handler), 5*time.Second); err != nil {
		return fmt.Errorf("subscribe to %s: %w", topic, err)
	}
	return nil
}

// wait waits for t to complete. WaitTimeout returns false on timeout while
// Error stays nil, so a timeout is made an error here.
func wait(t mqtt.Token, timeout time.Duration) error {
	if !t.WaitTimeout(timeout) {
		return fmt.Errorf("no answer from the broker within %s", timeout)
	}
	return t.Error()
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
