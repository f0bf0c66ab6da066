package main

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// [START client]
// newClient returns an HTTP client whose transport starts a CLIENT span
// for each request, records http.client.request.duration, and sends the
// span's context in the traceparent header. The conventions name a CLIENT
// span after the method alone ("GET"); otelhttp's default is "HTTP GET".
func newClient() *http.Client {
	return &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
	)}
}

// [END client]

// get sends a GET request and prints the status and body of the answer.
// An error status is printed, not returned: the calls show how each
// status is recorded.
func get(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	fmt.Printf("GET %s: %s %s", req.URL.Path, resp.Status, body)
	return nil
}
