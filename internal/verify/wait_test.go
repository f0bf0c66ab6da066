package verify

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/internal/txtartest"
)

// Times of the wait tests: a short settle window, and late records that
// arrive well inside it.
const (
	testSettle  = time.Second
	testLate    = 200 * time.Millisecond
	testTrickle = 100 * time.Millisecond
)

// TestWaitFor runs testdata/wait/*.txtar. Each holds a verify.yaml and the
// Collector's data folder as the program left it: data/<signal>.json is
// there when the wait starts, late/<signal>.json is appended testLate
// later (a record still in the Collector's pipeline), trickle/<signal>.json
// is appended again and again until the wait ends. Only records of run
// t-1 count. want is how the wait ended, then "ok" or the failures.
func TestWaitFor(t *testing.T) {
	txtartest.Run(t, "testdata/wait/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		t.Parallel()
		sp, err := spec.ParseBytes("verify.yaml", files["verify.yaml"])
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		appendTo := func(name string, b []byte) {
			f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
			if err != nil {
				t.Error(err)
				return
			}
			defer f.Close()
			if _, err := f.Write(b); err != nil {
				t.Error(err)
			}
		}
		done := make(chan struct{})
		var writers sync.WaitGroup
		for name, b := range files {
			switch folder, file := filepath.Split(name); folder {
			case "data/":
				appendTo(file, b)
			case "late/":
				writers.Go(func() {
					select {
					case <-done:
					case <-time.After(testLate):
						appendTo(file, b)
					}
				})
			case "trickle/":
				writers.Go(func() {
					tick := time.NewTicker(testTrickle)
					defer tick.Stop()
					for {
						select {
						case <-done:
							return
						case <-tick.C:
							appendTo(file, b)
						}
					}
				})
			}
		}
		times := waitTimesFor(sp)
		times.settle, times.poll = testSettle, 50*time.Millisecond
		keep := func(a telemetry.Attrs) bool { return a[results.RunIDKey] == "t-1" }
		w := waitFor(context.Background(), sp, []string{dir}, keep, times)
		close(done)
		writers.Wait()
		if w.ended == endMatched && w.took >= testSettle {
			t.Errorf("ended %s after %s: not early", w.ended, w.took)
		}
		if w.ended == endSettled && w.took < testSettle {
			t.Errorf("ended %s after %s, within the settle window", w.ended, w.took)
		}
		got := "ended: " + w.ended + "\n"
		if !w.res.OK() {
			return got + strings.Join(w.res.Failures, "\n") + "\n", false
		}
		return got + "ok\n", true
	})
}

// Verify that a wait ends when verify is interrupted.
func TestWaitForInterrupted(t *testing.T) {
	sp, err := spec.ParseBytes("verify.yaml", []byte("expect:\n  spans:\n    - name: work\n"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(testLate, cancel)
	w := waitFor(ctx, sp, []string{t.TempDir()}, func(telemetry.Attrs) bool { return true }, waitTimes{wait: time.Minute, settle: time.Minute, poll: 50 * time.Millisecond})
	if w.ended != endInterrupted || w.res.OK() {
		t.Errorf("ended %s, ok %v; want interrupted, not ok", w.ended, w.res.OK())
	}
}

// Verify which specs must wait for output to settle: those with an absent
// span, record or metric, or no_telemetry; an absent attribute matcher is
// not one.
func TestMustSettle(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want bool
	}{
		{"expect:\n  spans:\n    - name: a\n", false},
		{"expect:\n  spans:\n    - name: a\n      attributes: {x: {absent: true}}\n", false},
		{"expect:\n  spans:\n    - name: a\n      absent: true\n", true},
		{"expect:\n  logs:\n    - severity: DEBUG\n      absent: true\n", true},
		{"expect:\n  metrics:\n    - name: m\n      absent: true\n", true},
		{"expect:\n  no_telemetry: true\n", true},
	} {
		sp, err := spec.ParseBytes("verify.yaml", []byte(tc.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if got := mustSettle(&sp.Expect); got != tc.want {
			t.Errorf("mustSettle(%q) = %v, want %v", tc.yaml, got, tc.want)
		}
	}
}
