package verify

import (
	"bytes"
	"compress/gzip"
	"fmt"
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
	if !strings.Contains(p.Log(), "POST /v1/logs (application/x-protobuf, 1 bytes): the client gave up") {
		t.Errorf("log = %q, want the abandoned request", p.Log())
	}
	if n := forwarded.Load(); n != 0 {
		t.Errorf("forwarded %d requests, want 0", n)
	}
}

// Verify that a proxy without faults forwards everything and records what
// each request carried; counts are per path.
func TestFaultProxyRecords(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer backend.Close()
	p, err := startFaultProxy(backend.URL, spec.Faults{Status: 429, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"resourceSpans":[]}`))
	zw.Close()
	post := func(path, ctype string, body []byte, gzipped bool) {
		req, _ := http.NewRequest(http.MethodPost, p.URL()+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		if gzipped {
			req.Header.Set("Content-Encoding", "gzip")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	post("/v1/traces", "application/json", gz.Bytes(), true)
	post("/v1/metrics", "application/x-protobuf", []byte("x"), false)
	post("/v1/traces", "application/json", gz.Bytes(), true)

	var got []string
	for _, r := range p.Requests() {
		got = append(got, fmt.Sprintf("%s %s %s %v %d %v %v", r.Path, r.ContentType, r.ContentEncoding, r.Compressed, r.Size, r.Answered, r.Forwarded))
	}
	n := gz.Len()
	want := []string{
		fmt.Sprintf("/v1/traces application/json gzip true %d 429 false", n),
		"/v1/metrics application/x-protobuf  false 1 429 false",
		fmt.Sprintf("/v1/traces application/json gzip true %d 200 true", n),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(p.Log(), "POST /v1/traces (application/json, gzip, ") {
		t.Errorf("log lacks the content type and encoding:\n%s", p.Log())
	}
}
