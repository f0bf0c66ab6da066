package match

import (
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/internal/txtartest"
)

// TestMatch runs testdata/*.txtar against OTLP JSON recorded from a real run
// of examples/quickstart (testdata/quickstart, as the Collector wrote it).
// Each archive holds a verify.yaml and a want file: "ok", or the failures.
// Error cases are named *_err_*.
func TestMatch(t *testing.T) {
	data, err := telemetry.Load("testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Spans) == 0 || len(data.Metrics) == 0 || len(data.Logs) == 0 {
		t.Fatalf("recorded data is incomplete: %d spans, %d metrics, %d logs", len(data.Spans), len(data.Metrics), len(data.Logs))
	}
	txtartest.Run(t, "testdata/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		s, err := spec.ParseBytes("verify.yaml", files["verify.yaml"])
		if err != nil {
			t.Fatal(err)
		}
		res := Match("verify.yaml", &s.Expect, data)
		if !res.OK() {
			return strings.Join(res.Failures, "\n") + "\n", false
		}
		return "ok\n", true
	})
}

func TestNothingArrived(t *testing.T) {
	s, err := spec.ParseBytes("v.yaml", []byte("expect:\n  spans:\n    - kind: SERVER\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := Match("v.yaml", &s.Expect, &telemetry.Data{})
	if res.OK() || !strings.Contains(res.Failures[0], "nothing arrived") {
		t.Errorf("failures = %q, want 'nothing arrived'", res.Failures)
	}
}
