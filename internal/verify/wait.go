package verify

import (
	"context"
	"fmt"
	"time"

	"oteldocs.dev/internal/match"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/testcontainers/collector"
)

// How long verify waits for telemetry once the program has exited.
const (
	defaultWait = 15 * time.Second
	// pollEvery: how often the Collector's files are read while waiting.
	pollEvery = 250 * time.Millisecond
	// settleFlushes is how many of the Collector's flush intervals must
	// pass with nothing new before verify concludes that nothing more will
	// arrive. One interval (collector.FileFlushInterval) is the Collector's
	// own latency: the program flushed before it exited, so what it sent
	// was accepted and is in the file one flush later. The others are
	// slack for a busy machine, on which the Collector's flush and verify's
	// polls both run late.
	settleFlushes = 30
	settleAfter   = settleFlushes * collector.FileFlushInterval
)

// waitTimes bounds one wait for telemetry.
type waitTimes struct {
	wait   time.Duration // the longest wait (run.wait)
	settle time.Duration // nothing new for this long: nothing more will come
	poll   time.Duration
}

func waitTimesFor(sp *spec.Spec) waitTimes {
	w := waitTimes{wait: sp.Run.Wait.Duration, settle: settleAfter, poll: pollEvery}
	if w.wait == 0 {
		w.wait = defaultWait
	}
	return w
}

// Why a wait for telemetry ended.
const (
	endMatched     = "matched"     // every expectation held
	endSettled     = "settled"     // nothing new arrived for the settle window
	endDeadline    = "deadline"    // run.wait ran out
	endInterrupted = "interrupted" // verify was cancelled
)

// waited is the outcome of a wait for telemetry.
type waited struct {
	res    match.Result
	ended  string        // endMatched, endSettled, ...
	took   time.Duration // from the start of the wait
	last   time.Duration // when something last arrived, since the start; -1 if nothing did
	settle time.Duration // the settle window
}

func (w waited) String() string {
	last := "nothing arrived while waiting"
	if w.last >= 0 {
		last = fmt.Sprintf("the last write at +%s", round(w.last))
	}
	if w.ended == endSettled {
		last = fmt.Sprintf("nothing new for %s; %s", w.settle, last)
	}
	return fmt.Sprintf("waited %s for telemetry, ended: %s (%s)", round(w.took), w.ended, last)
}

// mustSettle reports whether e can only be decided once output has
// settled: nothing may arrive, or something must not. An early match says
// nothing about a record still in the Collector's pipeline.
func mustSettle(e *spec.Expect) bool {
	if e.NoTelemetry {
		return true
	}
	for _, s := range e.Spans {
		if s.Absent {
			return true
		}
	}
	for _, l := range e.Logs {
		if l.Absent {
			return true
		}
	}
	for _, m := range e.Metrics {
		if m.Absent {
			return true
		}
	}
	return false
}

// waitFor reads what arrived in dataDirs (the program has exited) until the
// expectations are decided, and returns the last result. A spec without
// absent expectations is decided as soon as it matches. One with them (or
// no_telemetry) is decided only once nothing new has arrived for the settle
// window; if output is still changing when run.wait runs out, that is a
// failure: an absent expectation cannot be vouched for. A spec that does
// not match is given until output settles or run.wait runs out.
func waitFor(ctx context.Context, sp *spec.Spec, dataDirs []string, keep func(telemetry.Attrs) bool, t waitTimes) waited {
	settleFirst := mustSettle(&sp.Expect)
	start := time.Now()
	deadline := start.Add(t.wait)
	lastCount, lastChange := -1, start // -1: not read yet; the first read is the baseline
	w := waited{last: -1, settle: t.settle}
	tick := time.NewTicker(t.poll)
	defer tick.Stop()
	for {
		var count int
		w.res, count = load(sp, dataDirs, keep)
		if lastCount >= 0 && count != lastCount {
			lastChange = time.Now()
			w.last = lastChange.Sub(start)
		}
		lastCount = count
		now := time.Now()
		settled := now.Sub(lastChange) >= t.settle
		switch {
		case w.res.OK() && !settleFirst:
			w.ended = endMatched
		case settled:
			w.ended = endSettled
		case ctx.Err() != nil:
			w.ended = endInterrupted
		case now.After(deadline):
			w.ended = endDeadline
			if settleFirst && w.res.OK() {
				w.res.Failures = []string{fmt.Sprintf("%s:%d: telemetry was still arriving when run.wait (%s) ran out, so what must not arrive (absent, no_telemetry) could not be checked; raise run.wait",
					sp.Path, sp.Line, t.wait)}
			}
		}
		if w.ended != "" {
			w.took = now.Sub(start)
			return w
		}
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
	}
}

// load matches what the case's run sent so far, and counts it: spans,
// metric data points and log records of this run id. The count grows when
// anything of this run arrives, whatever other examples send to the same
// Collector meanwhile, so the settle window is this run's alone and
// examples can run side by side.
func load(sp *spec.Spec, dataDirs []string, keep func(telemetry.Attrs) bool) (match.Result, int) {
	d, err := loadAll(dataDirs)
	if err != nil {
		return match.Result{Failures: []string{"decoding what the Collector wrote: " + err.Error()}}, -1
	}
	mine := d.Filter(keep)
	n := len(mine.Spans) + len(mine.Logs)
	for _, m := range mine.Metrics {
		n += len(m.Points)
	}
	return match.Match(sp.Path, &sp.Expect, mine), n
}

// round keeps two significant figures or so: 40ms, 1.3s, 12s.
func round(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
