package telemetry

import (
	"fmt"
	"strings"
	"testing"

	"oteldocs.dev/internal/txtartest"
)

// TestUniqueKeys runs testdata/unique/*.txtar: OTLP JSON lines in
// traces.json, metrics.json and logs.json, and a want file, "ok" or the
// problems Decode found (Data.Invalid). Error cases are named *_err_*.
func TestUniqueKeys(t *testing.T) {
	txtartest.Run(t, "testdata/unique/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		d, err := Decode(files["traces.json"], files["metrics.json"], files["logs.json"])
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Invalid) == 0 {
			return "ok\n", true
		}
		var out strings.Builder
		for _, p := range d.Invalid {
			fmt.Fprintf(&out, "%s (resource %v)\n", p.Err, p.Resource)
		}
		// Filter keeps a problem with its resource.
		if n := len(d.Filter(func(a Attrs) bool { return a["drop"] == nil }).Invalid); n != len(d.Invalid) {
			fmt.Fprintf(&out, "Filter kept %d of %d problems\n", n, len(d.Invalid))
		}
		return out.String(), false
	})
}
