package collector

import (
	"os"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// tutorialConfig is the Collector configuration the tutorial's last step
// shows as the one verify runs (content/get-started/tutorial.md#step-8).
const tutorialConfig = "../../examples/tutorial-8/collector.yaml"

// TestTutorialConfig keeps the tutorial's collector.yaml equal, as YAML
// data, to the configuration Run generates with the default options, so the
// page cannot drift from what verify runs.
func TestTutorialConfig(t *testing.T) {
	want, err := defaultOptions().config()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(tutorialConfig)
	if err != nil {
		t.Fatal(err)
	}
	var wantData, gotData any
	if err := yaml.Unmarshal(want, &wantData); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(got, &gotData); err != nil {
		t.Fatalf("%s: %v", tutorialConfig, err)
	}
	if !reflect.DeepEqual(gotData, wantData) {
		t.Errorf("%s:1: differs from the configuration config() generates; make it say the same (comments may differ). Generated:\n%s", tutorialConfig, want)
	}
}
