package match

import (
	"fmt"
	"strings"
)

// maxListed bounds the candidates a count failure lists.
const maxListed = 10

// checkCounts checks the expectations with a count under the assignment a
// that the search chose: each counts every candidate that satisfies it. The
// message has the wording of expect.requests' count.
func checkCounts(counted []item, a assignment) []string {
	var out []string
	for _, it := range counted {
		var matched []string
		for i := 0; i < it.n; i++ {
			if allOK(it.check(i, a)) {
				matched = append(matched, it.name(i))
			}
		}
		n := len(matched)
		if it.count.Match(int64(n)) {
			continue
		}
		msg := fmt.Sprintf("%s: want %s matching %s(s), %d matched", it.label, it.count, it.kinds, n)
		if len(matched) > maxListed {
			matched = append(matched[:maxListed], fmt.Sprintf("... and %d more", n-maxListed))
		}
		for _, m := range matched {
			msg += "\n    matches: " + m
		}
		if n == 0 { // show the closest, as for an expectation without count
			_, closest, _ := strings.Cut(explainItem(it, a, false, nil), "\n")
			msg += "\n" + closest
		}
		out = append(out, msg)
	}
	return out
}
