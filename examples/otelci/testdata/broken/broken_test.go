// Package broken does not compile on purpose: its test calls a function
// that does not exist, so go test reports a build failure, not a test's.
package broken

import "testing"

func TestParse(t *testing.T) {
	if got := parse("1"); got != 1 {
		t.Errorf("parse(%q) = %d, want 1", "1", got)
	}
}
