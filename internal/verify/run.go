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
	"oteldocs.dev/internal/telemetry"
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

// verifyOne takes one example as far as it goes: compiled, ran, asserted.
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
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		r.Failures = append(r.Failures, err.Error())
		return r
	}

	runID := ex.ID + "-" + randomHex(4)
	env, err := exampleEnv(ctx, svc, ex, runID)
	if err != nil {
		r.Failures = append(r.Failures, err.Error())
		return r
	}
	output, err := execute(ctx, ex, bin, env)
	os.WriteFile(filepath.Join(outDir, "output.txt"), output, 0o644)
	if cfg.Verbose {
		fmt.Fprintf(cfg.Log, "--- output of %s\n%s", ex.ID, output)
	}
	if err != nil {
		r.Failures = append(r.Failures, fmt.Sprintf("%v\n%s", err, tail(output, 20)))
		return r
	}
	r.Level = results.LevelRan

	keep := func(a telemetry.Attrs) bool { return a[RunIDKey] == runID }
	res := waitFor(ctx, ex, svc.collector.DataDir(), keep)
	if err := telemetry.CopyFiltered(svc.collector.DataDir(), outDir, keep); err != nil {
		r.Failures = append(r.Failures, fmt.Sprintf("saving telemetry: %v", err))
		return r
	}
	rel, _ := filepath.Rel(cfg.Root, outDir)
	r.Telemetry = filepath.ToSlash(rel)
	if !res.OK() {
		r.Failures = append(r.Failures, res.Failures...)
		return r
	}
	r.Level, r.Status = results.LevelAsserted, results.StatusPass
	return r
}

// waitFor polls what arrived until the expectations match, or nothing new
// has arrived for a while (the program flushed before it exited), or the
// wait runs out; it returns the last result.
func waitFor(ctx context.Context, ex Example, dataDir string, keep func(telemetry.Attrs) bool) match.Result {
	wait := ex.Spec.Run.Wait.Duration
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
			res = match.Match(ex.Spec.Path, &ex.Spec.Expect, d.Filter(keep))
		}
		if size := dataSize(dataDir); size != lastSize {
			lastSize, lastChange = size, time.Now()
		}
		settled := time.Since(lastChange) > settleAfter
		if res.OK() || settled || time.Now().After(deadline) || ctx.Err() != nil {
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
func exampleEnv(ctx context.Context, svc *services, ex Example, runID string) ([]string, error) {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "OTEL_") || k == "DATABASE_URL" || k == "MQTT_URL" {
			continue
		}
		env = append(env, kv)
	}
	protocol := ex.Spec.Run.Protocol
	if protocol == "" {
		protocol = "http/protobuf"
	}
	endpoint, err := svc.endpoint(ctx, protocol)
	if err != nil {
		return nil, fmt.Errorf("collector endpoint: %w", err)
	}
	resAttrs := RunIDKey + "=" + runID
	for k, v := range ex.Spec.Run.Env {
		if k == "OTEL_RESOURCE_ATTRIBUTES" {
			resAttrs = v + "," + resAttrs
			continue
		}
		env = append(env, k+"="+v)
	}
	env = append(env,
		"OTEL_EXPORTER_OTLP_ENDPOINT="+endpoint,
		"OTEL_EXPORTER_OTLP_PROTOCOL="+protocol,
		"OTEL_RESOURCE_ATTRIBUTES="+resAttrs,
	)
	if svc.postgres != nil && ex.Spec.NeedsService("postgres") {
		dsn, err := svc.database(ctx, strings.ReplaceAll(ex.ID, "-", "_"))
		if err != nil {
			return nil, err
		}
		env = append(env, "DATABASE_URL="+dsn)
	}
	return env, nil
}

// execute runs the example's binary in its folder within its timeout.
func execute(ctx context.Context, ex Example, bin string, env []string) ([]byte, error) {
	timeout := ex.Spec.Run.Timeout.Duration
	if timeout == 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, ex.Spec.Run.Args...)
	cmd.Dir = ex.Dir
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return out.Bytes(), fmt.Errorf("did not exit within its timeout of %s (run.timeout in %s)", timeout, ex.Spec.Path)
	case err != nil:
		return out.Bytes(), fmt.Errorf("the program failed: %v", err)
	}
	return out.Bytes(), nil
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
