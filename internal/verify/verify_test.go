package verify

import (
	"strings"
	"testing"
)

// Verify that an example module without verify.yaml is an error.
func TestDiscoverMissingSpec(t *testing.T) {
	_, err := Discover("testdata/nospec", nil)
	if err == nil || !strings.Contains(err.Error(), "examples/lonely: no verify.yaml") {
		t.Errorf("Discover = %v, want an error naming examples/lonely", err)
	}
}
