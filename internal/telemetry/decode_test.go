package telemetry

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestEachLine reads a file as the Collector's file exporter leaves it,
// including mid-write: each case lists the lines fn saw ("n:doc") and the
// error, if any.
func TestEachLine(t *testing.T) {
	decode := func(n int, doc []byte) error {
		var v any
		return json.Unmarshal(doc, &v)
	}
	tests := []struct {
		name    string
		in      string
		lines   string
		wantErr string
	}{
		{"empty", "", "", ""},
		{"complete lines", "{\"a\":1}\n{\"b\":2}\n", "1:{\"a\":1} 2:{\"b\":2}", ""},
		{"blank lines are skipped, numbers kept", "{}\n\n  \n{}\n", "1:{} 4:{}", ""},
		{"half-written last line is left for later", "{}\n{\"b\":", "1:{}", ""},
		{"only a half-written line", "{\"a\":1}", "", ""},
		{"half-written last line that would decode", "{}\n{}", "1:{}", ""},
		{"a complete line that does not decode", "{}\n{not json}\n{}\n", "1:{} 2:{not json}",
			"dir/traces.json:2: invalid character 'n' looking for beginning of object key string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen []string
			err := EachLine("dir/traces.json", []byte(tt.in), func(n int, doc []byte) error {
				seen = append(seen, fmt.Sprintf("%d:%s", n, doc))
				return decode(n, doc)
			})
			if got := strings.Join(seen, " "); got != tt.lines {
				t.Errorf("lines = %q, want %q", got, tt.lines)
			}
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.wantErr {
				t.Errorf("err = %q, want %q", gotErr, tt.wantErr)
			}
		})
	}
}
