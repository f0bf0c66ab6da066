package telemetry

import (
	"flag"
	"os"
	"strings"
	"testing"
)

// updating reports whether -update was given (the flag of package
// txtartest, which this package's tests import too): rewrite golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Verify that the panel of the recorded quickstart run matches its golden
// file, and shows the span tree, metrics and logs.
func TestPanelGolden(t *testing.T) {
	d, err := Load("../match/testdata/quickstart")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Panel(d)
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/quickstart_panel.html"
	if updating() {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("panel differs from %s (go test -update to accept):\n%s", golden, got)
	}
	for _, s := range []string{
		`<code class="span-name">GET /users/:id</code>`,
		`<code>http.server.request.duration</code>`,
		`user found`,
	} {
		if !strings.Contains(string(got), s) {
			t.Errorf("panel lacks %q", s)
		}
	}
	if strings.Contains(string(got), "oteldocs.run.id") {
		t.Error("panel shows verify's run id")
	}
}

func TestDecodeErrors(t *testing.T) {
	if _, err := Decode([]byte("{not json}\n"), nil, nil); err == nil || !strings.HasPrefix(err.Error(), "traces.json:1:") {
		t.Errorf("err = %v, want one starting with traces.json:1:", err)
	}
	// A last line still being written is left for later, not an error.
	d, err := Decode([]byte(`{"resourceSpans":[`), nil, nil)
	if err != nil || len(d.Spans) != 0 {
		t.Errorf("partial line: %v, %d spans", err, len(d.Spans))
	}
}

func TestBuckets(t *testing.T) {
	for _, tt := range []struct {
		p    Point
		want string
	}{
		{Point{Bounds: []float64{1, 5}, BucketCounts: []uint64{0, 2, 1}}, ", buckets (≤ 5: 2, > 5: 1)"},
		{Point{BucketCounts: []uint64{3}}, ", buckets (all: 3)"},
		{Point{Bounds: []float64{1}, BucketCounts: []uint64{0, 0}}, ""},
	} {
		if got := buckets(tt.p); got != tt.want {
			t.Errorf("buckets(%v) = %q, want %q", tt.p.BucketCounts, got, tt.want)
		}
	}
}
