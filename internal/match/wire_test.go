package match

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/internal/txtartest"
)

// TestWire runs testdata/wire/*.txtar: each holds a verify.yaml, the
// requests a proxy saw (requests.json, one JSON object per line, "at" a
// duration) and a want file: "ok", or the failures. Error cases are named
// *_err_*.
func TestWire(t *testing.T) {
	txtartest.Run(t, "testdata/wire/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		s, err := spec.ParseBytes("verify.yaml", files["verify.yaml"])
		if err != nil {
			t.Fatal(err)
		}
		var got []Request
		for _, line := range strings.Split(strings.TrimSpace(string(files["requests.json"])), "\n") {
			if line == "" {
				continue
			}
			var r struct {
				Request
				At       string
				Answered any
			}
			dec := json.NewDecoder(strings.NewReader(line))
			dec.UseNumber()
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("requests.json: %v: %s", err, line)
			}
			if r.Request.At, err = time.ParseDuration(r.At); err != nil {
				t.Fatal(err)
			}
			switch a := r.Answered.(type) {
			case json.Number: // an HTTP status
				n, _ := a.Int64()
				r.Request.Answered = int(n)
			case string: // a gRPC code name
				r.Request.Answered = a
			}
			got = append(got, r.Request)
		}
		if f := Wire("verify.yaml", s.Expect.Requests, got); len(f) > 0 {
			return strings.Join(f, "\n") + "\n", false
		}
		return "ok\n", true
	})
}

// Verify that invalid OTLP of the example's own resources fails the match
// even when every expectation holds.
func TestInvalidFails(t *testing.T) {
	s, err := spec.ParseBytes("v.yaml", []byte("expect:\n  spans:\n    - name: work\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := &telemetry.Data{
		Spans:   []telemetry.Span{{Name: "work", Kind: "INTERNAL"}},
		Invalid: []telemetry.Invalid{{Err: `traces.json:1: invalid OTLP: a resource has the attribute "service.name" twice`}},
	}
	res := Match("v.yaml", &s.Expect, d)
	if len(res.Failures) != 1 || !strings.Contains(res.Failures[0], "service.name") {
		t.Errorf("failures = %q, want the invalid OTLP", res.Failures)
	}
}
