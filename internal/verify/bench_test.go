package verify

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
)

// BenchmarkWarmRun is verify over the repository's examples with nothing
// changed since they passed (-cached=strict): every result is reused, no
// container starts. It needs the results of a full run (make verify) and is
// skipped without them. cold-s is what the last runs of those examples took
// together, one after the other: what a run with nothing cached costs.
func BenchmarkWarmRun(b *testing.B) {
	root, _ := filepath.Abs("../..")
	out := filepath.Join(root, filepath.FromSlash(results.Dir))
	f, err := results.Read(filepath.Join(out, results.FileName))
	if err != nil || f == nil {
		b.Skip("no results: run make verify first")
	}
	wd, _ := os.Getwd()
	os.Chdir(root) // verify runs from the repository root
	defer os.Chdir(wd)
	var cold time.Duration
	for _, r := range f.Examples {
		cold += time.Duration(r.DurationMS) * time.Millisecond
	}
	for b.Loop() {
		if _, err := Run(context.Background(), Config{Root: root, Out: out, Log: io.Discard, Cache: CacheStrict}); err != nil {
			b.Skipf("not every example is unchanged since it passed: %v", err)
		}
	}
	b.ReportMetric(cold.Seconds(), "cold-s")
}
