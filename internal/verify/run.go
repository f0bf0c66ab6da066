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
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/modfile"

	"oteldocs.dev/internal/match"
	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/testcontainers/collector"
)

// RunIDKey is the resource attribute verify adds (through
// OTEL_RESOURCE_ATTRIBUTES) to tell one example's telemetry from another's.
const RunIDKey = "oteldocs.run.id"

const (
	defaultTimeout = 60 * time.Second
	defaultWait    = 15 * time.Second
	pollEvery      = 250 * time.Millisecond
	// settleAfter: with nothing new for this long after the program exited
	// (it flushes before exiting), more waiting will not help.
	settleAfter = 3 * time.Second
)

// build runs go vet and go build in the example's own module (GOWORK=off,
// so go.work cannot change its dependencies) and returns the binary.
func build(ctx context.Context, ex Example, binDir string) (string, error) {
	bin := filepath.Join(binDir, ex.ID)
	for _, args := range [][]string{{"vet", "./..."}, {"build", "-o", bin, "."}} {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = ex.Dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go %s in %s: %v\n%s", args[0], relDir(ex), err, strings.TrimSpace(string(out)))
		}
	}
	return bin, nil
}

func relDir(ex Example) string { return "examples/" + ex.ID }

// verifyOne takes one example as far as it goes (compiled, ran, asserted),
// running its main case and then each extra case of its verify.yaml. The
// example passes only if every case does; its level is the lowest reached.
func verifyOne(ctx context.Context, cfg Config, svc *services, ex Example, bin string) (r results.Example) {
	t0 := time.Now()
	r = results.Example{ID: ex.ID, Status: results.StatusFail, Level: results.LevelCompiled, Failures: []string{}}
	r.Versions.Otel = otelVersion(ex.Dir)
	defer func() {
		r.DurationMS = time.Since(t0).Milliseconds()
		r.VerifiedAt = time.Now().UTC().Truncate(time.Second)
	}()
	outDir := filepath.Join(cfg.Out, ex.ID)
	if err := os.RemoveAll(outDir); err != nil {
		r.Failures = append(r.Failures, err.Error())
		return r
	}
	level, failures := verifyCase(ctx, cfg, svc, ex, ex.Spec, bin, outDir)
	if level != results.LevelCompiled {
		rel, _ := filepath.Rel(cfg.Root, outDir)
		r.Telemetry = filepath.ToSlash(rel)
	}
	for _, c := range ex.Spec.Cases {
		cl, cf := verifyCase(ctx, cfg, svc, ex, c, bin, filepath.Join(outDir, "cases", c.Case))
		if rank[cl] < rank[level] {
			level = cl
		}
		for _, f := range cf {
			failures = append(failures, fmt.Sprintf("case %q (%s:%d): %s", c.Case, c.Path, c.Line, f))
		}
	}
	r.Level, r.Failures = level, append(r.Failures, failures...)
	if len(failures) == 0 && level == results.LevelAsserted {
		r.Status = results.StatusPass
	}
	return r
}

var rank = map[results.Level]int{results.LevelNone: 0, results.LevelCompiled: 1, results.LevelRan: 2, results.LevelAsserted: 3}

// verifyCase runs one case of an example with its own run id, and checks
// its exit status, its output and the telemetry that arrived. Output and
// telemetry are kept in outDir.
func verifyCase(ctx context.Context, cfg Config, svc *services, ex Example, sp *spec.Spec, bin, outDir string) (results.Level, []string) {
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
	runID := ex.ID + "-" + randomHex(4)
	env, err := exampleEnv(ctx, svc, coll, ex, sp, runID, extraEnv)
	if err != nil {
		return fail(results.LevelCompiled, err.Error())
	}
	output, exitCode, err := execute(ctx, ex, sp, bin, env)
	if proxy != nil {
		// What the proxy did follows what the program printed: both are
		// the run's output, and run.output matchers see both.
		output = append(output, proxy.Log()...)
	}
	os.WriteFile(filepath.Join(outDir, "output.txt"), output, 0o644)
	if cfg.Verbose {
		fmt.Fprintf(cfg.Log, "--- output of %s %s\n%s", ex.ID, sp.Case, output)
	}
	if err != nil {
		return fail(results.LevelCompiled, fmt.Sprintf("%v\n%s", err, tail(output, 20)))
	}
	if exitCode != sp.Run.ExitCode {
		return fail(results.LevelCompiled, fmt.Sprintf("the program exited with status %d, want %d (run.exit_code in %s)\n%s",
			exitCode, sp.Run.ExitCode, sp.Path, tail(output, 20)))
	}
	var failures []string
	for _, want := range sp.Run.Output {
		if !want.Match(string(output)) {
			failures = append(failures, fmt.Sprintf("%s:%d: run.output: want %s in what the program printed\n%s",
				sp.Path, want.Line, want, tail(output, 20)))
		}
	}

	if proxy != nil { // what the proxy saw: the program has exited
		failures = append(failures, match.Wire(sp.Path, sp.Expect.Requests, proxy.Requests())...)
	}

	keep := func(a telemetry.Attrs) bool { return a[RunIDKey] == runID }
	res := waitFor(ctx, sp, coll.DataDir(), keep)
	if err := telemetry.CopyFiltered(coll.DataDir(), outDir, keep); err != nil {
		failures = append(failures, fmt.Sprintf("saving telemetry: %v", err))
	}
	failures = append(failures, res.Failures...)
	if len(failures) > 0 {
		return results.LevelRan, failures
	}
	return results.LevelAsserted, nil
}

// waitFor polls what arrived until the expectations match, or nothing new
// has arrived for a while (the program flushed before it exited), or the
// wait runs out; it returns the last result. A case that expects no
// telemetry is checked only once things have settled.
func waitFor(ctx context.Context, sp *spec.Spec, dataDir string, keep func(telemetry.Attrs) bool) match.Result {
	wait := sp.Run.Wait.Duration
	if wait == 0 {
		wait = defaultWait
	}
	deadline := time.Now().Add(wait)
	lastSize, lastChange := int64(-1), time.Now()
	for {
		var res match.Result
		d, err := telemetry.Load(dataDir)
		if err != nil {
			res.Failures = []string{"decoding what the Collector wrote: " + err.Error()}
		} else {
			res = match.Match(sp.Path, &sp.Expect, d.Filter(keep))
		}
		if size := dataSize(dataDir); size != lastSize {
			lastSize, lastChange = size, time.Now()
		}
		settled := time.Since(lastChange) > settleAfter
		early := res.OK() && !sp.Expect.NoTelemetry
		if early || settled || time.Now().After(deadline) || ctx.Err() != nil {
			return res
		}
		select {
		case <-ctx.Done():
		case <-time.After(pollEvery):
		}
	}
}

// dataSize is the total size of the signal files: it grows when anything
// arrives.
func dataSize(dir string) int64 {
	var n int64
	for _, f := range []string{telemetry.TracesFile, telemetry.MetricsFile, telemetry.LogsFile} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// exampleEnv is the environment of a running example: the host's, less any
// OTEL_* or service URL, plus the standard variables pointing at this run's
// services (DESIGN contract 4) and the spec's own.
func exampleEnv(ctx context.Context, svc *services, coll *collector.Container, ex Example, sp *spec.Spec, runID string, collEnv []string) ([]string, error) {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "OTEL_") || k == "DATABASE_URL" || k == "MQTT_URL" {
			continue
		}
		env = append(env, kv)
	}
	protocol := sp.Run.Protocol
	if protocol == "" {
		protocol = "http/protobuf"
	}
	endpoint, err := endpoint(ctx, coll, protocol, sp.Collector.TLS)
	if err != nil {
		return nil, fmt.Errorf("collector endpoint: %w", err)
	}
	resAttrs := RunIDKey + "=" + runID
	if v, ok := sp.Run.Env["OTEL_RESOURCE_ATTRIBUTES"]; ok {
		resAttrs = v + "," + resAttrs
	}
	env = append(env,
		"OTEL_EXPORTER_OTLP_ENDPOINT="+endpoint,
		"OTEL_EXPORTER_OTLP_PROTOCOL="+protocol,
		"OTEL_RESOURCE_ATTRIBUTES="+resAttrs,
	)
	env = append(env, collEnv...)
	if svc.mqttURL != "" && sp.NeedsService("mqtt") {
		env = append(env, "MQTT_URL="+svc.mqttURL)
	}
	if svc.postgres != nil && sp.NeedsService("postgres") {
		dsn, err := svc.database(ctx, strings.ReplaceAll(ex.ID, "-", "_"))
		if err != nil {
			return nil, err
		}
		env = append(env, "DATABASE_URL="+dsn)
	}
	// run.env comes last: it may override verify's defaults (os/exec keeps
	// the last value of a key), for example to point at an unreachable
	// endpoint on purpose.
	keys := make([]string, 0, len(sp.Run.Env))
	for k := range sp.Run.Env {
		if k != "OTEL_RESOURCE_ATTRIBUTES" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	given := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		given[k] = v
	}
	for _, k := range keys {
		// ${NAME} expands to what verify gives, e.g.
		// ${OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces.
		v := os.Expand(sp.Run.Env[k], func(name string) string { return given[name] })
		env = append(env, k+"="+v)
	}
	return env, nil
}

// execute runs the example's binary in its folder within its timeout and
// returns what it printed and its exit status. The error is for a program
// that could not start or did not exit in time.
func execute(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) ([]byte, int, error) {
	timeout := sp.Run.Timeout.Duration
	if timeout == 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, sp.Run.Args...)
	cmd.Dir = ex.Dir
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return out.Bytes(), -1, fmt.Errorf("did not exit within its timeout of %s (run.timeout in %s)", timeout, sp.Path)
	case ctx.Err() != nil:
		return out.Bytes(), -1, ctx.Err()
	case errors.As(err, &exit):
		return out.Bytes(), exit.ExitCode(), nil
	case err != nil:
		return out.Bytes(), -1, fmt.Errorf("the program did not start: %v", err)
	}
	return out.Bytes(), 0, nil
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
