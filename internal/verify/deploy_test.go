package verify

import "testing"

// The Collector prints its error, then a log line that repeats it: the
// message keeps the first and stops at the second.
func TestValidateMessage(t *testing.T) {
	stderr := "Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n\n" +
		"'memorylimiter.Config' has invalid keys: limit_percentag\n" +
		"2026/11/30 11:04:53 collector server run finished with error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n\n" +
		"'memorylimiter.Config' has invalid keys: limit_percentag\n"
	want := "Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s): 'memorylimiter.Config' has invalid keys: limit_percentag"
	if got := validateMessage(stderr); got != want {
		t.Errorf("validateMessage:\n got %q\nwant %q", got, want)
	}
}
