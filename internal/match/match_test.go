package match

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

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
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var in []byte
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "verify.yaml":
					in = f.Data
				case "want":
					wantIdx = i
				}
			}
			if in == nil || wantIdx < 0 {
				t.Fatalf("%s: needs verify.yaml and want", file)
			}
			s, err := spec.ParseBytes("verify.yaml", in)
			if err != nil {
				t.Fatal(err)
			}
			res := Match("verify.yaml", &s.Expect, data)
			got := "ok\n"
			if !res.OK() {
				got = strings.Join(res.Failures, "\n") + "\n"
			}
			if isErr := strings.Contains(file, "_err_"); isErr == res.OK() {
				t.Errorf("name says error=%v, but OK=%v:\n%s", isErr, res.OK(), got)
			}
			if *update {
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
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
