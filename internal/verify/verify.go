package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	stdlog "log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	tclog "github.com/testcontainers/testcontainers-go/log"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/collector"
)

// Config says what to verify and where to write.
type Config struct {
	Root    string         // repository root: examples/ is below it
	Out     string         // where results.json and <id>/ go; default Root/build/verify
	Filter  *regexp.Regexp // only examples whose id matches; nil = all
	Log     io.Writer      // progress and results; default os.Stdout
	Verbose bool           // also print each example's output
}

// Example is one examples/<id> with its parsed spec.
type Example struct {
	ID   string
	Dir  string
	Spec *spec.Spec
}

// Run verifies the examples and returns the number that failed. An error
// means verify itself could not work (bad spec, no Docker): nothing was
// verified.
func Run(ctx context.Context, cfg Config) (failed int, err error) {
	if cfg.Log == nil {
		cfg.Log = os.Stdout
	}
	if cfg.Out == "" {
		cfg.Out = filepath.Join(cfg.Root, filepath.FromSlash(results.Dir))
	}
	exs, err := Discover(cfg.Root, cfg.Filter)
	if err != nil {
		return 0, err
	}
	if len(exs) == 0 {
		return 0, fmt.Errorf("no example matches: nothing to verify under %s", filepath.Join(cfg.Root, "examples"))
	}
	ids := make([]string, len(exs))
	needs := map[string]bool{}
	for i, ex := range exs {
		ids[i] = ex.ID
		for _, sp := range append([]*spec.Spec{ex.Spec}, ex.Spec.Cases...) {
			for _, n := range sp.Needs {
				needs[n] = true
			}
		}
	}
	needs["collector"] = true // every example exports somewhere
	fmt.Fprintf(cfg.Log, "verify: %d example(s): %s\n", len(exs), strings.Join(ids, ", "))

	goVersion := goEnv(ctx, "GOVERSION")
	// This run's results; merged into results.json at the end, so a run of
	// a subset (-run) keeps the others'.
	prev := &results.File{}

	// What belongs to this run alone (binaries, the TLS CA, testcontainers'
	// log) lives in a folder of its own, removed on every path.
	runDir, err := newRunDir(cfg.Out)
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(runDir)

	// Compile everything first: a compile error should not wait for containers.
	binDir := filepath.Join(runDir, "bin")
	bins := map[string]string{}
	buildTook := map[string]time.Duration{}
	var built []Example
	for _, ex := range exs {
		bin, took, r := compile(ctx, ex, binDir)
		if r != nil {
			r.Versions.Go = goVersion
			prev.Put(*r)
			report(cfg.Log, *r)
			failed++
			continue
		}
		buildTook[ex.ID] = took
		fmt.Fprintf(cfg.Log, "verify: built %s in %s\n", ex.ID, round(took))
		bins[ex.ID] = bin
		built = append(built, ex)
	}

	passed := 0
	if len(built) > 0 && ctx.Err() == nil {
		svc := &services{log: cfg.Log, runDir: runDir}
		defer svc.stop()
		tcLog := filepath.Join(runDir, "testcontainers.log")
		if !cfg.Verbose {
			// testcontainers' own progress goes to a file, not the terminal.
			closeLog, err := quietTestcontainers(tcLog)
			if err != nil {
				return failed, err
			}
			defer closeLog()
		}
		if err := svc.start(ctx, needs); err != nil {
			// The run's folder goes away: show the end of testcontainers' log.
			if b, rerr := os.ReadFile(tcLog); rerr == nil && len(b) > 0 {
				err = fmt.Errorf("%w\ntestcontainers' log, %s", err, tail(b, 30))
			}
			return failed, fmt.Errorf("start services: %w", err)
		}
		prev.Versions = results.Versions{Go: goVersion, Collector: collectorVersion(svc.collImage)}
		for _, ex := range built {
			if ctx.Err() != nil {
				break
			}
			r := verifyOne(ctx, cfg, svc, ex, bins[ex.ID], buildTook[ex.ID])
			r.Versions.Go, r.Versions.Collector = prev.Versions.Go, prev.Versions.Collector
			prev.Put(r)
			report(cfg.Log, r)
			if r.Status == results.StatusPass {
				passed++
			} else {
				failed++
			}
		}
	}
	err = results.Update(filepath.Join(cfg.Out, results.FileName), func(f *results.File) {
		f.Generated = time.Now().UTC().Truncate(time.Second)
		if cfg.Filter == nil {
			// A full run: forget examples that no longer exist.
			f.Examples = slices.DeleteFunc(f.Examples, func(e results.Example) bool { return !slices.Contains(ids, e.ID) })
		}
		if prev.Versions != (results.Versions{}) {
			f.Versions = prev.Versions
		}
		for _, r := range prev.Examples {
			f.Put(r)
		}
	})
	if err != nil {
		return failed, err
	}
	if ctx.Err() != nil {
		return failed, fmt.Errorf("interrupted: %w", ctx.Err())
	}
	fmt.Fprintf(cfg.Log, "verify: %d passed, %d failed\n", passed, failed)
	return failed, nil
}

// Discover finds examples/*/verify.yaml below root and parses each. All
// spec errors are returned together.
func Discover(root string, filter *regexp.Regexp) ([]Example, error) {
	paths, err := filepath.Glob(filepath.Join(root, "examples", "*", "verify.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var exs []Example
	var errs []error
	// Every example module must say what it sends: one without verify.yaml
	// would never be verified, and its page would say so forever.
	mods, _ := filepath.Glob(filepath.Join(root, "examples", "*", "go.mod"))
	for _, m := range mods {
		dir := filepath.Dir(m)
		if _, err := os.Stat(filepath.Join(dir, "verify.yaml")); err != nil && (filter == nil || filter.MatchString(filepath.Base(dir))) {
			errs = append(errs, fmt.Errorf("examples/%s: no verify.yaml: every example says what telemetry it must send (see go doc oteldocs.dev/internal/verify)", filepath.Base(dir)))
		}
	}
	for _, p := range paths {
		dir := filepath.Dir(p)
		id := filepath.Base(dir)
		if filter != nil && !filter.MatchString(id) {
			continue
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s, err := spec.ParseBytes(rel, b)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		exs = append(exs, Example{ID: id, Dir: dir, Spec: s})
	}
	return exs, errors.Join(errs...)
}

// tcLog is where testcontainers' log goes while runs keep it off the
// terminal: its logger is global, so two runs in one process (tests) share
// it, and each run's file gets the lines of both.
var tcLog struct {
	sync.Mutex
	files []io.Writer
	prev  tclog.Logger
}

type tcLogWriter struct{}

func (tcLogWriter) Write(p []byte) (int, error) {
	tcLog.Lock()
	defer tcLog.Unlock()
	for _, f := range tcLog.files {
		f.Write(p)
	}
	return len(p), nil
}

// quietTestcontainers sends testcontainers' log to path until the returned
// function is called.
func quietTestcontainers(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	tcLog.Lock()
	defer tcLog.Unlock()
	if len(tcLog.files) == 0 {
		tcLog.prev = tclog.Default()
		tclog.SetDefault(stdlog.New(tcLogWriter{}, "", stdlog.LstdFlags))
	}
	tcLog.files = append(tcLog.files, f)
	return func() {
		tcLog.Lock()
		defer tcLog.Unlock()
		tcLog.files = slices.DeleteFunc(tcLog.files, func(w io.Writer) bool { return w == io.Writer(f) })
		if len(tcLog.files) == 0 {
			tclog.SetDefault(tcLog.prev)
		}
		f.Close()
	}, nil
}

// collectorVersion names the Collector: ours by its core version, an
// upstream image by its reference.
func collectorVersion(img string) string {
	if img == collector.ImageRef {
		return collector.CoreVersion
	}
	return img
}

func report(w io.Writer, r results.Example) {
	status := "PASS"
	if r.Status != results.StatusPass {
		status = "FAIL"
	}
	level := string(r.Level)
	if level == "" {
		level = "-"
	}
	fmt.Fprintf(w, "%s %-24s %-9s %s\n", status, r.ID, level, (time.Duration(r.DurationMS) * time.Millisecond).Round(100*time.Millisecond))
	for _, f := range r.Failures {
		fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(f, "\n", "\n    "))
	}
}
