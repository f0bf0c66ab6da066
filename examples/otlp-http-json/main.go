// Command otlp-http-json sends a span to an OpenTelemetry Collector as
// OTLP/HTTP JSON, built by hand and posted with net/http, and prints what it
// sent and what the Collector answered. It shows the JSON encoding that the
// OTLP/HTTP receiver accepts, and it can post a saved payload: given a file
// argument, it sends the OTLP JSON in that file instead of its own span.
//
// It reads the standard variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or
// OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318) with /v1/traces
// appended; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, which are merged
// into every resource of the payload and win over the payload's own values.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/sdk/resource"
)

// object is a JSON object. OTLP JSON is nested objects and arrays; writing
// them as maps keeps the Go code close to the JSON it produces.
type object = map[string]any

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: otlp-http-json [payload.json]")
	}
	flag.Parse()
	if err := run(context.Background(), flag.Arg(0)); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, file string) error {
	payload := spanPayload(time.Now())
	if file != "" {
		var err error
		if payload, err = readPayload(file); err != nil {
			return err
		}
	}
	attrs, err := envResource(ctx)
	if err != nil {
		return err
	}
	mergeResource(payload, attrs)

	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	return post(ctx, tracesURL(), body)
}

// [START payload]
// spanPayload returns an ExportTraceServiceRequest with one server span that
// ended at end, in the OTLP JSON encoding.
func spanPayload(end time.Time) object {
	start := end.Add(-150 * time.Millisecond)
	return object{"resourceSpans": []any{object{
		// The default service name; the environment may override it.
		"resource": object{"attributes": []any{attr("service.name", "stringValue", "orders")}},
		"scopeSpans": []any{object{
			"scope": object{"name": "oteldocs.dev/examples/otlp-http-json"},
			"spans": []any{object{
				// IDs are hex strings, not base64.
				"traceId": randomHex(16),
				"spanId":  randomHex(8),
				"name":    "POST /orders",
				// Enums are numbers: 2 is SPAN_KIND_SERVER.
				"kind": 2,
				// 64-bit integers are decimal strings.
				"startTimeUnixNano": strconv.FormatInt(start.UnixNano(), 10),
				"endTimeUnixNano":   strconv.FormatInt(end.UnixNano(), 10),
				// A value is an object naming its type.
				"attributes": []any{
					attr("http.request.method", "stringValue", "POST"),
					attr("url.path", "stringValue", "/orders"),
					attr("http.response.status_code", "intValue", "201"),
					attr("order.total", "doubleValue", 129.95),
					attr("order.express", "boolValue", true),
				},
			}},
		}},
	}}}
}

// attr returns a KeyValue: {"key": k, "value": {typ: v}}.
func attr(key, typ string, v any) object {
	return object{"key": key, "value": object{typ: v}}
}

// [END payload]

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// [START url]
// tracesURL follows the exporters' rules: the per-signal variable is the
// URL as is, the general one is a base to which /v1/traces is appended.
func tracesURL() string {
	if u := os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"); u != "" {
		return u
	}
	base := os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT")
	if base == "" {
		base = "http://localhost:4318"
	}
	return strings.TrimSuffix(base, "/") + "/v1/traces"
}

// [END url]

// [START post]
// post sends one OTLP JSON request and prints the reply. Any status
// but 200 is an error: the Collector answers 400 to a payload it cannot
// decode, with the reason in the body.
func post(ctx context.Context, url string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	reply, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return err
	}
	fmt.Printf("POST %s: %s %s\n", url, resp.Status, reply)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("export failed: %s", resp.Status)
	}
	return nil
}

// [END post]

// readPayload reads OTLP JSON from a file. Numbers are kept as they are
// written (json.Number): decoding them into float64 would round large
// 64-bit integers.
func readPayload(file string) (object, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.UseNumber()
	var p object
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return p, nil
}

// [START merge]
// envResource returns the attributes that OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES set, as OTLP JSON KeyValues.
func envResource(ctx context.Context) ([]any, error) {
	res, err := resource.New(ctx, resource.WithFromEnv())
	if err != nil {
		return nil, err
	}
	var attrs []any
	for _, kv := range res.Attributes() {
		attrs = append(attrs, attr(string(kv.Key), "stringValue", kv.Value.Emit()))
	}
	return attrs, nil
}

// mergeResource merges attrs into the resource of every resourceSpans
// entry. Keys stay unique, as OTLP requires: an attribute the payload
// already has takes the value from attrs, as the SDK lets the environment
// override a resource given in code; others are appended.
func mergeResource(payload object, attrs []any) {
	list, _ := payload["resourceSpans"].([]any)
	for _, rs := range list {
		rs, ok := rs.(object)
		if !ok {
			continue
		}
		res, _ := rs["resource"].(object)
		if res == nil {
			res = object{}
			rs["resource"] = res
		}
		existing, _ := res["attributes"].([]any)
		index := map[any]int{} // key -> position in existing
		for i, kv := range existing {
			if kv, ok := kv.(object); ok {
				index[kv["key"]] = i
			}
		}
		for _, kv := range attrs {
			if i, ok := index[kv.(object)["key"]]; ok {
				existing[i] = kv
			} else {
				existing = append(existing, kv)
			}
		}
		res["attributes"] = existing
	}
}

// [END merge]
