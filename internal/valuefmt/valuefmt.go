// Package valuefmt renders an attribute value, or any value of the OTLP data
// model, as one line of text. Spec messages ("want ..., got ...") and the
// site's telemetry panels both use it, so a value reads the same in both.
package valuefmt

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Format renders x: strings quoted as Go quotes them, bytes as base64 (as
// OTLP JSON carries them) after "base64:", lists in brackets, maps in braces
// with their keys sorted, numbers and booleans as Go prints them, and nil,
// no value at all, as (absent).
func Format(x any) string {
	switch t := x.(type) {
	case nil:
		return "(absent)"
	case string:
		return strconv.Quote(t)
	case []byte:
		return "base64:" + base64.StdEncoding.EncodeToString(t)
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = Format(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + Format(t[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(x)
}
