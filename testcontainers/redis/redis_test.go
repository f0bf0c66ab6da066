package redis_test

import (
	"bufio"
	"context"
	"net"
	neturl "net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/images/imagestest"
	"oteldocs.dev/testcontainers/redis"
)

func TestImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine, and mmdebstrap to build " + redis.Ref + ")")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	img := imagestest.Ensure(ctx, t, redis.Image())
	t.Run("set and get", func(t *testing.T) {
		ctr, err := redis.Run(ctx, img)
		testcontainers.CleanupContainer(t, ctr)
		if err != nil {
			t.Fatal(err)
		}
		url, err := ctr.URL(ctx)
		if err != nil {
			t.Fatal(err)
		}
		u, err := neturl.Parse(url)
		if err != nil || u.Scheme != "redis" || u.Port() == "" || u.Path != "/0" {
			t.Fatalf("URL = %q, want redis://HOST:PORT/0", url)
		}

		// SET then GET over the wire protocol (RESP), from the host.
		conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
		r := bufio.NewReader(conn)
		for _, step := range []struct{ send, want string }{
			{"SET oteldocs:test hello\r\n", "+OK"},
			{"GET oteldocs:test\r\n", "$5"},
		} {
			if _, err := conn.Write([]byte(step.send)); err != nil {
				t.Fatal(err)
			}
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(line); got != step.want {
				t.Errorf("%q: got %q, want %q", strings.TrimSpace(step.send), got, step.want)
			}
		}
		if line, _ := r.ReadString('\n'); strings.TrimSpace(line) != "hello" {
			t.Errorf("GET value: got %q, want \"hello\"", line)
		}
	})

	// Every container was terminated by its subtest's cleanup.
	imagestest.NoneLeft(ctx, t)
}
