package verify

import (
	"context"
	"fmt"
	"time"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

// ranCase is what running a case's program gave.
type ranCase struct {
	output   []byte
	exitCode int
	err      error // it did not start, did not exit in time, or verify was interrupted
	took     time.Duration
	// requestFailures are run.serve requests that failed or got another
	// status (serve.go): failures of the case, but its telemetry is
	// still checked.
	requestFailures []string
	// maxRSS is the program's peak resident memory in KiB (arch.go).
	maxRSS int64
}

// checkCase decides how far a case got once its program has exited:
// compiled when it did not exit as run.exit_code says; ran when it did but
// its output or its telemetry (read from dataDirs, the records keep accepts)
// did not match; asserted when everything held. The wait is returned for
// the timing of the failure message; it is zero when the program failed.
func checkCase(ctx context.Context, sp *spec.Spec, run ranCase, dataDirs []string, keep func(telemetry.Attrs) bool, t waitTimes) (results.Level, []string, *waited) {
	if run.err != nil {
		return results.LevelCompiled, []string{fmt.Sprintf("%v\n%s", run.err, tail(run.output, 20))}, nil
	}
	if run.exitCode != sp.Run.ExitCode {
		return results.LevelCompiled, []string{fmt.Sprintf("the program exited with status %d, want %d (run.exit_code in %s)\n%s",
			run.exitCode, sp.Run.ExitCode, sp.Path, tail(run.output, 20))}, nil
	}
	failures := run.requestFailures
	for _, want := range sp.Run.Output {
		if !want.Match(string(run.output)) {
			failures = append(failures, fmt.Sprintf("%s:%d: run.output: want %s in what the program printed\n%s",
				sp.Path, want.Line, want, tail(run.output, 20)))
		}
	}
	w := waitFor(ctx, sp, dataDirs, keep, t)
	failures = append(failures, w.res.Failures...)
	if len(failures) > 0 {
		return results.LevelRan, failures, &w
	}
	return results.LevelAsserted, nil, &w
}

// timing says how long each step of a case took, for a failure message.
func timing(build time.Duration, run ranCase, w *waited) string {
	s := fmt.Sprintf("timing: build %s, run %s", round(build), round(run.took))
	if run.err == nil {
		s += fmt.Sprintf(" (exit status %d)", run.exitCode)
	}
	if w != nil {
		s += ", " + w.String()
	}
	return s
}
