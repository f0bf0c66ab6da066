package verify

import (
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/txtartest"
)

// TestExampleEnv runs testdata/env/*.txtar: a verify.yaml, the inputs
// (one "field value" per line; host, collector and service repeat) and the
// environment the program gets, one KEY=VALUE a line, or the error.
func TestExampleEnv(t *testing.T) {
	txtartest.Run(t, "testdata/env/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		sp, err := spec.ParseBytes("verify.yaml", files["verify.yaml"])
		if err != nil {
			t.Fatal(err)
		}
		var in envInputs
		for _, line := range strings.Split(strings.TrimSpace(string(files["inputs"])), "\n") {
			field, v, _ := strings.Cut(line, " ")
			switch field {
			case "host":
				in.host = append(in.host, v)
			case "collector":
				in.collector = append(in.collector, v)
			case "endpoint":
				in.endpoint = v
			case "protocol":
				in.protocol = v
			case "runID":
				in.runID = v
			case "service":
				k, val, _ := strings.Cut(v, "=")
				if in.services == nil {
					in.services = map[string]string{}
				}
				in.services[k] = val
			default:
				t.Fatalf("inputs: unknown field %q", field)
			}
		}
		env, err := exampleEnv(sp, in)
		if err != nil {
			return err.Error() + "\n", false
		}
		return strings.Join(env, "\n") + "\n", true
	})
}
