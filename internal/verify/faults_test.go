package verify

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"oteldocs.dev/internal/spec"
)

// Verify that the proxy answers the first requests with the injected status
// and Retry-After, forwards the rest, and logs both.
func TestFaultProxyStatus(t *testing.T) {
	var forwarded atomic.Int32
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { forwarded.Add(1) }))
	defer backend.Close()
	p, err := startFaultProxy(backend.URL, spec.Faults{Status: 503, Count: 2, RetryAfter: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got []string
	for range 3 {
		resp, err := http.Post(p.url+"/v1/traces", "application/x-protobuf", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got = append(got, resp.Status+" "+resp.Header.Get("Retry-After"))
	}
	want := []string{"503 Service Unavailable 1", "503 Service Unavailable 1", "200 OK "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("answers = %q, want %q", got, want)
	}
	if n := forwarded.Load(); n != 1 {
		t.Errorf("forwarded %d requests, want 1", n)
	}
	log := p.Log()
	for _, s := range []string{"answered 503 Service Unavailable, Retry-After: 1 (injected)", "forwarded to the Collector, which answered 200 OK"} {
		if !strings.Contains(log, s) {
			t.Errorf("log lacks %q:\n%s", s, log)
		}
	}
}

// Verify that a request the client abandons during the delay is not
// forwarded.
func TestFaultProxyDelay(t *testing.T) {
	var forwarded atomic.Int32
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { forwarded.Add(1) }))
	defer backend.Close()
	p, err := startFaultProxy(backend.URL, spec.Faults{Delay: spec.Duration{Duration: 2 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	client := &http.Client{Timeout: 200 * time.Millisecond}
	if _, err := client.Post(p.url+"/v1/logs", "application/x-protobuf", strings.NewReader("x")); err == nil {
		t.Fatal("the request did not time out")
	}
	// Drain waits for the handler to notice: no polling.
	if err := p.Drain(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Log(), "POST /v1/logs: the client gave up") {
		t.Errorf("log = %q, want the abandoned request", p.Log())
	}
	if n := forwarded.Load(); n != 0 {
		t.Errorf("forwarded %d requests, want 0", n)
	}
}
