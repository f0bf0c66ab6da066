package mosquitto_test

import (
	"context"
	neturl "net/url"
	"os"
	"strings"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/images/imagestest"
	"oteldocs.dev/testcontainers/mosquitto"
)

func TestImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine, and mmdebstrap to build " + mosquitto.Ref + ")")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	img := imagestest.Ensure(ctx, t, mosquitto.Image())

	t.Run("publish and receive", func(t *testing.T) {
		began := time.Now()
		ctr, err := mosquitto.Run(ctx, img)
		testcontainers.CleanupContainer(t, ctr)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s ready in %s", img, time.Since(began).Round(time.Millisecond))
		url, err := ctr.BrokerURL(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u, err := neturl.Parse(url); err != nil || u.Scheme != "tcp" || u.Port() == "" {
			t.Errorf("BrokerURL = %q, want tcp://HOST:PORT", url)
		}

		const topic, payload = "oteldocs/devices/thermo-1/temperature", `{"celsius":21.5}`
		got := make(chan mqtt.Message, 1)
		sub := connect(t, url, "oteldocs-subscriber")
		wait(t, "subscribe", sub.Subscribe(topic, 1, func(_ mqtt.Client, m mqtt.Message) {
			select {
			case got <- m:
			default:
			}
		}))

		pub := connect(t, url, "oteldocs-publisher")
		wait(t, "publish", pub.Publish(topic, 1, false, payload))

		select {
		case m := <-got:
			if m.Topic() != topic || string(m.Payload()) != payload || m.Qos() != 1 {
				t.Errorf("received %q on %q at QoS %d; want %q on %q at QoS 1",
					m.Payload(), m.Topic(), m.Qos(), payload, topic)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no message on %s within 10s", topic)
		}
	})

	t.Run("caller options win", func(t *testing.T) {
		// The caller's configuration is copied after the default one.
		conf := "listener 1883\nallow_anonymous false\nlog_dest stderr\n"
		ctr, err := mosquitto.Run(ctx, img, testcontainers.WithFiles(testcontainers.ContainerFile{
			Reader:            strings.NewReader(conf),
			ContainerFilePath: mosquitto.ConfigPath,
			FileMode:          0o644,
		}))
		testcontainers.CleanupContainer(t, ctr)
		if err != nil {
			t.Fatal(err)
		}
		url, err := ctr.BrokerURL(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker(url).SetClientID("anonymous").
			SetConnectTimeout(5 * time.Second).SetAutoReconnect(false))
		tok := c.Connect()
		if !tok.WaitTimeout(10 * time.Second) {
			t.Fatal("connect: no answer within 10s")
		}
		if err := tok.Error(); err == nil || !strings.Contains(err.Error(), "not Authorized") {
			c.Disconnect(250)
			t.Errorf("anonymous connect with allow_anonymous false: got error %v, want \"not Authorized\"", err)
		}
	})

	// Every container was terminated by its subtest's cleanup.
	imagestest.NoneLeft(ctx, t)
}

// connect returns a client connected to url, disconnected at the end of the
// test.
func connect(t *testing.T, url, id string) mqtt.Client {
	t.Helper()
	opts := mqtt.NewClientOptions().
		AddBroker(url).
		SetClientID(id).
		SetConnectTimeout(5 * time.Second).
		SetAutoReconnect(false)
	c := mqtt.NewClient(opts)
	t.Cleanup(func() { c.Disconnect(250) })
	wait(t, "connect "+id+" to "+url, c.Connect())
	return c
}

// wait fails the test if tok does not complete successfully within 10s.
func wait(t *testing.T, what string, tok mqtt.Token) {
	t.Helper()
	if !tok.WaitTimeout(10 * time.Second) {
		t.Fatalf("%s: no answer within 10s", what)
	}
	if err := tok.Error(); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
