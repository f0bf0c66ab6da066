package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/telemetry"
)

// span is one OTLP JSON line with a span called name, of run t-1.
func span(name string) string {
	return `{"resourceSpans":[{"resource":{"attributes":[{"key":"oteldocs.run.id","value":{"stringValue":"t-1"}}]},"scopeSpans":[{"scope":{"name":"app"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"` + name + `","kind":1,"startTimeUnixNano":"1","endTimeUnixNano":"2","status":{}}]}]}]}`
}

func writeTraces(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, telemetry.TracesFile), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// What two Collectors received reads as one: every complete line of both;
// a line the first is still writing waits for the next read.
func TestLoadAll(t *testing.T) {
	first := writeTraces(t, span("order 1")+"\n"+span("order 2")+"\n"+`{"resourceSpans":[{"reso`)
	second := writeTraces(t, span("order 3")+"\n")
	d, err := loadAll([]string{first, second})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range d.Spans {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "order 1,order 2,order 3" {
		t.Errorf("spans %s, want order 1,order 2,order 3", got)
	}
}

// The case's folder holds what both Collectors kept for it.
func TestCopyFilteredBoth(t *testing.T) {
	first := writeTraces(t, span("order 1")+"\n")
	second := writeTraces(t, span("order 2")+"\n")
	out := t.TempDir()
	keep := func(a telemetry.Attrs) bool { return a[results.RunIDKey] == "t-1" }
	if err := copyFiltered([]string{first, second}, out, keep); err != nil {
		t.Fatal(err)
	}
	d, err := telemetry.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Spans) != 2 {
		t.Errorf("%d spans in the case's folder, want 2", len(d.Spans))
	}
}
