package verify

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"oteldocs.dev/internal/results"
)

// Shard is one part of a run split across machines: verify -shard K/N
// verifies the examples of part K (1-based) of N.
type Shard struct{ K, N int }

// ParseShard parses "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	sh := Shard{}
	var err1, err2 error
	sh.K, err1 = strconv.Atoi(k)
	sh.N, err2 = strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sh.N < 1 || sh.K < 1 || sh.K > sh.N {
		return Shard{}, fmt.Errorf("-shard %q: want K/N with 1 <= K <= N, e.g. 2/4", s)
	}
	return sh, nil
}

// unknownDuration is what an example never timed counts for.
const unknownDuration = 30 * time.Second

// shardOf returns the examples of shard sh: the examples, slowest first by
// the durations of the last results (prev; unknown ones count as
// unknownDuration), each given to the shard with the least time so far
// (ties to the lower shard). Every machine computes the same split from the
// same results, so the shards cover every example exactly once.
func shardOf(exs []Example, prev *results.File, sh Shard) []Example {
	if sh.N <= 1 {
		return exs
	}
	dur := func(id string) time.Duration {
		if r, ok := prev.Lookup(id); ok && r.DurationMS > 0 {
			return time.Duration(r.DurationMS) * time.Millisecond
		}
		return unknownDuration
	}
	order := slices.Clone(exs)
	slices.SortStableFunc(order, func(a, b Example) int {
		return cmp.Or(cmp.Compare(dur(b.ID), dur(a.ID)), strings.Compare(a.ID, b.ID))
	})
	load := make([]time.Duration, sh.N)
	var mine []Example
	for _, ex := range order {
		best := 0
		for i := range load {
			if load[i] < load[best] {
				best = i
			}
		}
		load[best] += dur(ex.ID)
		if best == sh.K-1 {
			mine = append(mine, ex)
		}
	}
	slices.SortFunc(mine, func(a, b Example) int { return strings.Compare(a.ID, b.ID) })
	return mine
}
