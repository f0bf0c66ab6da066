package match

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

// recorded lists the examples whose telemetry, as verify captured it, is
// kept in testdata/<id>/: their own verify.yaml must hold on it.
var recorded = []string{"quickstart"}

// Verify that each recorded example's own verify.yaml, read from
// examples/<id>/, matches the run recorded in testdata/<id>. No copy of the
// expectations is kept here: when the real file changes, this test sees it.
func TestRecordedExamples(t *testing.T) {
	for _, id := range recorded {
		t.Run(id, func(t *testing.T) {
			path := filepath.Join("..", "..", "examples", id, "verify.yaml")
			s, err := spec.Parse(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Cases) > 0 {
				t.Fatalf("%s has cases; the recording holds the main case only: record each case in its own folder and extend this test", path)
			}
			data, err := telemetry.Load(filepath.Join("testdata", id))
			if err != nil {
				t.Fatal(err)
			}
			if res := Match(path, &s.Expect, data); !res.OK() {
				t.Errorf("%s does not hold on the run recorded in internal/match/testdata/%s:\n%s\n\n%s",
					path, id, strings.Join(res.Failures, "\n"), rerecord(id))
			}
		})
	}
}

// rerecord says how to refresh a recording when the example or its
// expectations changed on purpose.
func rerecord(id string) string {
	return fmt.Sprintf("If the example or its verify.yaml changed on purpose, re-record from a passing run (from the repository root):\n"+
		"  GOWORK=off go run ./cmd/verify -run '^%[1]s$'\n"+
		"  cp build/verify/%[1]s/traces.json build/verify/%[1]s/metrics.json build/verify/%[1]s/logs.json internal/match/testdata/%[1]s/\n"+
		"then run go test ./internal/match ./internal/telemetry -update and review the diffs.", id)
}
