package region

import "strings"

// dedent removes the longest run of leading whitespace that all non-blank
// lines share, byte for byte, so a tab-indented Go body keeps its tabs and a
// line indented with spaces is never cut by a tab of another line. Blank
// lines become empty. Every line of the result ends in "\n".
func dedent(lines []string) string {
	prefix, first := "", true
	for _, l := range lines {
		if isBlank(l) {
			continue
		}
		ws := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = ws, false
			continue
		}
		prefix = commonPrefix(prefix, ws)
	}
	var b strings.Builder
	for _, l := range lines {
		if !isBlank(l) {
			b.WriteString(strings.TrimRight(l[len(prefix):], " \t"))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func commonPrefix(a, b string) string {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return a[:i]
		}
	}
	return a[:n]
}

func isBlank(s string) bool { return strings.TrimLeft(s, " \t\r\f\v") == "" }
