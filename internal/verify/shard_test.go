package verify

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
)

// The shards of a split cover every example exactly once, and no shard
// waits longer than the others by more than the slowest example.
func TestShardOfCoversAll(t *testing.T) {
	var exs []Example
	prev := &results.File{}
	for i := range 23 {
		id := fmt.Sprintf("ex%02d", i)
		exs = append(exs, Example{ID: id})
		if i%4 != 0 { // some never timed
			prev.Put(results.Example{ID: id, DurationMS: int64((i*37)%90+1) * 1000})
		}
	}
	for n := 1; n <= 5; n++ {
		seen := map[string]int{}
		var loads []time.Duration
		for k := 1; k <= n; k++ {
			var load time.Duration
			for _, ex := range shardOf(exs, prev, Shard{k, n}) {
				seen[ex.ID]++
				if r, ok := prev.Lookup(ex.ID); ok {
					load += time.Duration(r.DurationMS) * time.Millisecond
				} else {
					load += unknownDuration
				}
			}
			loads = append(loads, load)
		}
		for _, ex := range exs {
			if seen[ex.ID] != 1 {
				t.Errorf("%d shards: %s is in %d shards", n, ex.ID, seen[ex.ID])
			}
		}
		if spread := slices.Max(loads) - slices.Min(loads); spread > 90*time.Second {
			t.Errorf("%d shards: loads %v differ by %v, more than the slowest example", n, loads, spread)
		}
	}
}

func TestParseShard(t *testing.T) {
	if sh, err := ParseShard("2/4"); err != nil || sh != (Shard{2, 4}) {
		t.Errorf("2/4: %v %v", sh, err)
	}
	for _, bad := range []string{"0/4", "5/4", "2", "a/b", "1/0"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// A run split into shards and merged gives the results.json and folders one
// run over every example gives (times aside). Compiled-only examples keep
// it Docker-free: they are built, not run.
func TestShardedRunsMergeToOneRun(t *testing.T) {
	root := t.TempDir()
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		dir := filepath.Join(root, "examples", id)
		os.MkdirAll(dir, 0o755)
		for name, data := range map[string]string{
			"go.mod":      "module example.com/" + id + "\n\ngo 1.26.0\n",
			"main.go":     "package main\n\nfunc main() {}\n",
			"verify.yaml": "compiled_only: no server for " + id + " here\n",
		} {
			os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
		}
	}
	run := func(out string, sh Shard) {
		t.Helper()
		var log bytes.Buffer
		if failed, err := Run(context.Background(), Config{Root: root, Out: out, Log: &log, Shard: sh}); err != nil || failed != 0 {
			t.Fatalf("shard %v: failed %d, err %v\n%s", sh, failed, err, &log)
		}
	}
	one := filepath.Join(root, "one")
	run(one, Shard{})
	var shards []string
	for k := 1; k <= 3; k++ {
		out := filepath.Join(root, fmt.Sprintf("shard%d", k))
		run(out, Shard{k, 3})
		shards = append(shards, out)
	}
	merged := filepath.Join(root, "merged")
	if err := Merge(merged, shards); err != nil {
		t.Fatal(err)
	}
	if got, want := normalized(t, merged), normalized(t, one); got != want {
		t.Errorf("merged results.json:\n%s\nwant (one run):\n%s", got, want)
	}
	if got, want := tree(t, merged), tree(t, one); got != want {
		t.Errorf("merged folders:\n%s\nwant (one run):\n%s", got, want)
	}
}

// normalized is results.json without what differs between two runs: times.
func normalized(t *testing.T, out string) string {
	t.Helper()
	f, err := results.Read(filepath.Join(out, results.FileName))
	if err != nil || f == nil {
		t.Fatalf("%s: %v", out, err)
	}
	f.Generated = time.Time{}
	for i := range f.Examples {
		f.Examples[i].VerifiedAt, f.Examples[i].DurationMS = time.Time{}, 0
		f.Examples[i].Telemetry = filepath.Base(f.Examples[i].Telemetry)
	}
	var b bytes.Buffer
	for _, e := range f.Examples {
		fmt.Fprintf(&b, "%+v\n", e)
	}
	return fmt.Sprintf("%+v\n%s", f.Versions, &b)
}

// tree lists the files under out with their contents, results.json aside.
func tree(t *testing.T, out string) string {
	t.Helper()
	var lines []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), results.FileName) {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		data, _ := os.ReadFile(p)
		lines = append(lines, rel+": "+string(data))
		return nil
	})
	return strings.Join(lines, "\n")
}
