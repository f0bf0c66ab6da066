package verify

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"

	"oteldocs.dev/internal/match"
	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

const defaultTimeout = 60 * time.Second

// build runs go vet and go build in the example's own module (GOWORK=off,
// so go.work cannot change its dependencies) and returns the binary.
func build(ctx context.Context, ex Example, binDir string) (string, error) {
	bin := filepath.Join(binDir, ex.ID)
	for _, args := range [][]string{{"vet", "./..."}, {"build", "-o", bin, "."}} {
		if out, err := goCmd(ctx, ex, nil, args...).CombinedOutput(); err != nil {
			return "", fmt.Errorf("go %s in %s: %v\n%s", args[0], relDir(ex), err, strings.TrimSpace(string(out)))
		}
	}
	return bin, nil
}

// goCmd is the go command in the example's own module: GOWORK=off, so
// go.work cannot change its dependencies, and -mod=readonly, then env.
func goCmd(ctx context.Context, ex Example, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = ex.Dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly"), env...)
	return cmd
}

// sizedBuild builds pkg of the example into out for another platform
// (env sets GOOS, GOARCH, ...; platform names it in errors) and returns
// the file's size.
func sizedBuild(ctx context.Context, ex Example, pkg, out, ldflags, platform string, env ...string) (int64, error) {
	args := []string{"build", "-o", out}
	if ldflags != "" {
		args = append(args, "-ldflags="+ldflags)
	}
	cmd := goCmd(ctx, ex, env, append(args, pkg)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go %s in %s for %s: %v\n%s", strings.Join(cmd.Args[1:], " "), relDir(ex), platform, err, strings.TrimSpace(string(b)))
	}
	fi, err := os.Stat(out)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// compile builds ex (build) and returns its binary and how long that took,
// or, when it does not build, the example's result: a failure at no level.
func compile(ctx context.Context, ex Example, binDir string) (string, time.Duration, *results.Example) {
	t0 := time.Now()
	bin, err := build(ctx, ex, binDir)
	took := time.Since(t0)
	if err != nil {
		return "", took, &results.Example{ID: ex.ID, Status: results.StatusFail, Level: results.LevelNone,
			Failures:   []string{err.Error(), fmt.Sprintf("timing: build %s", round(took))},
			DurationMS: took.Milliseconds(), VerifiedAt: time.Now().UTC().Truncate(time.Second)}
	}
	return bin, took, nil
}

func relDir(ex Example) string { return "examples/" + ex.ID }

// verifyOne takes one example as far as it goes (compiled, ran, asserted),
// running its main case and then each extra case of its verify.yaml. The
// example passes only if every case does; its level is the lowest reached.
// Its output is written beside cfg.Out/<id> and swapped in at the end.
func verifyOne(ctx context.Context, cfg Config, svc *services, ex Example, bin string, built time.Duration) (r results.Example) {
	t0 := time.Now()
	r = results.Example{ID: ex.ID, Status: results.StatusFail, Level: results.LevelCompiled, Failures: []string{}}
	r.Versions.Otel = otelVersion(ex.Dir)
	defer func() {
		r.DurationMS = time.Since(t0).Milliseconds()
		r.VerifiedAt = time.Now().UTC().Truncate(time.Second)
	}()
	outDir := filepath.Join(cfg.Out, filepath.FromSlash(results.ExampleDir(ex.ID)))
	staged, err := stagingDir(cfg.Out, ex.ID)
	if err != nil {
		r.Failures = append(r.Failures, err.Error())
		return r
	}
	defer os.RemoveAll(staged) // after publish: the old output
	level, failures := verifyCase(ctx, cfg, svc, ex, ex.Spec, bin, staged, built)
	mainLevel := level
	for _, c := range ex.Spec.Cases {
		if ctx.Err() != nil {
			break // interrupted or out of time: the rest would only fail the same way
		}
		r.Cases = append(r.Cases, c.Case)
		cl, cf := verifyCase(ctx, cfg, svc, ex, c, bin, filepath.Join(staged, filepath.FromSlash(results.CaseSubdir(c.Case))), built)
		level = level.Lower(cl)
		for _, f := range cf {
			failures = append(failures, fmt.Sprintf("case %q (%s:%d): %s", c.Case, c.Path, c.Line, f))
		}
	}
	failures = append(failures, checkDeploy(ctx, cfg, svc, ex)...) // deploy.go
	if errors.Is(ctx.Err(), context.Canceled) {
		return r // interrupted: the last run's output stays, as its result does (verifyAll)
	}
	if err := publish(staged, outDir); err != nil {
		failures = append(failures, err.Error())
	} else if mainLevel != results.LevelCompiled {
		rel, _ := filepath.Rel(cfg.Root, outDir)
		r.Telemetry = filepath.ToSlash(rel)
	}
	r.Level, r.Failures = level, append(r.Failures, failures...)
	if len(failures) == 0 && level == results.LevelAsserted {
		r.Status = results.StatusPass
	}
	return r
}

// verifyCase runs one case of an example with its own run id, and checks
// its exit status, its output and the telemetry that arrived (checkCase).
// Output and telemetry are kept in outDir.
func verifyCase(ctx context.Context, cfg Config, svc *services, ex Example, sp *spec.Spec, bin, outDir string, built time.Duration) (results.Level, []string) {
	fail := func(level results.Level, msgs ...string) (results.Level, []string) { return level, msgs }
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	coll, extraEnv, err := svc.collectorFor(ctx, sp.Collector)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	// verify's proxy (faults.go), for faults or expect.requests.
	proxy, err := startProxy(ctx, coll, sp)
	if err != nil {
		return fail(results.LevelCompiled, fmt.Sprintf("verify's proxy: %v", err))
	}
	if proxy != nil {
		defer proxy.Close()
		extraEnv = append(extraEnv, "OTEL_EXPORTER_OTLP_ENDPOINT="+proxy.URL())
	}
	dataDirs := []string{coll.DataDir()}
	if sp.Collector.Failover { // the shared Collector is the second one (failover.go)
		failEnv, err := svc.failover(ctx, sp)
		if err != nil {
			return fail(results.LevelCompiled, err.Error())
		}
		extraEnv = append(extraEnv, failEnv)
		dataDirs = append(dataDirs, svc.collector.DataDir())
	}
	runID := ex.ID + "-" + randomHex(4)
	in, err := svc.envInputs(ctx, coll, ex, sp, runID, extraEnv)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	env, err := exampleEnv(sp, in)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	ctx, env, err = svc.enterNetns(ctx, sp, env) // run.netns (netns.go)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	ctx, env, err = svc.enterContainer(ctx, ex, sp, bin, env) // run.container (container.go)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	octx, outage := startOutage(ctx, coll, sp) // collector.outage (outage.go)
	run := buildAndExecute(octx, ex, sp, bin, env)
	if outage != nil {
		log, failures := outage.finish()
		run.output, run.requestFailures = append(run.output, log...), append(run.requestFailures, failures...)
	}
	if proxy != nil {
		// What the proxy did follows what the program printed: both are
		// the run's output, and run.output matchers see both.
		if err := proxy.Drain(); err != nil {
			return fail(results.LevelCompiled, err.Error())
		}
		run.output = append(run.output, proxy.Log()...)
	}
	if err := os.WriteFile(filepath.Join(outDir, results.OutputFile), run.output, 0o644); err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	if cfg.Verbose {
		fmt.Fprintf(cfg.Log, "--- output of %s %s\n%s", ex.ID, sp.Case, run.output)
	}
	// The program has exited: what it sent is in the Collector, or on its
	// way there; checkCase waits for it.
	keep := func(a telemetry.Attrs) bool { return a[results.RunIDKey] == runID }
	level, failures, w := checkCase(ctx, sp, run, dataDirs, keep, waitTimesFor(sp))
	if proxy != nil && level != results.LevelCompiled {
		// What the proxy saw: complete, since the program has exited and
		// Drain waited for the proxy's handlers.
		if wire := match.Wire(sp.Path, sp.Expect.Requests, proxy.Requests()); len(wire) > 0 {
			level, failures = results.LevelRan, append(failures, wire...)
		}
	}
	if level != results.LevelCompiled {
		if err := copyFiltered(dataDirs, outDir, keep); err != nil {
			failures = append(failures, fmt.Sprintf("saving telemetry: %v", err))
		}
	}
	if len(failures) > 0 {
		failures = append(failures, timing(built, run, w))
	} else if cfg.Verbose {
		fmt.Fprintf(cfg.Log, "verify: %s %s: %s\n", ex.ID, sp.Case, timing(built, run, w))
	}
	return level, failures
}

// buildAndExecute runs run.build (prebuild.go), then the case's program
// (run.program or bin) with any run.alongside (alongside.go). What run.build
// printed comes first in the output.
func buildAndExecute(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) ranCase {
	rsp, prog, pre, err := prebuild(ctx, ex, sp, bin)
	if err != nil {
		return ranCase{exitCode: -1, output: pre, err: err}
	}
	run := executeAlongside(ctx, ex, rsp, prog, env)
	run.output = append(pre, run.output...)
	return run
}

// execute runs the example's binary in its folder within its timeout and
// returns what it printed and its exit status. The error is for a program
// that could not start or did not exit in time. A server (run.serve) is
// run by serveAndStop.
func execute(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) (r ranCase) {
	if sp.Run.Serve != nil {
		return serveAndStop(ctx, ex, sp, bin, env)
	}
	timeout := sp.Run.Timeout.Duration
	if timeout == 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, sp.Run.Args...)
	emulated(cmd, sp)     // run.arch (arch.go)
	inNetns(ctx, cmd)     // run.netns (netns.go)
	inContainer(ctx, cmd) // run.container (container.go)
	cmd.Dir = ex.Dir
	cmd.Env = env
	// Output pipes held open by a child the program left behind must not
	// hold verify forever.
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	w := tapped(ctx, &out) // collector.outage watches it (outage.go)
	cmd.Stdout, cmd.Stderr = w, w
	t0 := time.Now()
	err := cmd.Run()
	r.took = time.Since(t0)
	r.maxRSS = maxRSS(cmd.ProcessState)
	r.output = out.Bytes()
	var exit *exec.ExitError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.exitCode, r.err = -1, fmt.Errorf("did not exit within its timeout of %s (run.timeout in %s)", timeout, sp.Path)
	case ctx.Err() != nil:
		r.exitCode, r.err = -1, ctx.Err()
	case errors.As(err, &exit):
		r.exitCode = exit.ExitCode()
	case err != nil:
		r.exitCode, r.err = -1, fmt.Errorf("the program did not start: %v", err)
	}
	return r
}

// otelVersion reads the go.opentelemetry.io/otel requirement of the
// example's go.mod.
func otelVersion(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	f, err := modfile.ParseLax("go.mod", b, nil)
	if err != nil {
		return ""
	}
	for _, r := range f.Require {
		if r.Mod.Path == "go.opentelemetry.io/otel" {
			return r.Mod.Version
		}
	}
	return ""
}

func goEnv(ctx context.Context, key string) string {
	out, err := exec.CommandContext(ctx, "go", "env", key).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// tail returns the last n lines of b, indented.
func tail(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "output (last lines):\n  " + strings.Join(lines, "\n  ")
}
