package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

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
// verified. Its steps: discover the examples, build them all, start the
// services they need, verify each, write the results.
func Run(ctx context.Context, cfg Config) (failed int, err error) {
	cfg = cfg.withDefaults()
	exs, err := discover(cfg)
	if err != nil {
		return 0, err
	}
	// What belongs to this run alone (binaries, the TLS CA, testcontainers'
	// log) lives in a folder of its own, removed on every path.
	runDir, err := newRunDir(cfg.Out)
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(runDir)
	s := &session{cfg: cfg, runDir: runDir, goVersion: goEnv(ctx, "GOVERSION"), this: &results.File{}}
	built := s.buildAll(ctx, exs)
	if len(built) > 0 && ctx.Err() == nil {
		svc, stop, err := s.startServices(ctx, needsOf(exs))
		defer stop()
		if err != nil {
			return s.failed, err
		}
		s.verifyAll(withHeadless(ctx, svc.browser), svc, built)
	}
	if err := s.writeResults(exs); err != nil {
		return s.failed, err
	}
	if ctx.Err() != nil {
		return s.failed, fmt.Errorf("interrupted: %w", ctx.Err())
	}
	fmt.Fprintf(cfg.Log, "verify: %d passed, %d failed\n", s.passed, s.failed)
	return s.failed, nil
}

func (c Config) withDefaults() Config {
	if c.Log == nil {
		c.Log = os.Stdout
	}
	if c.Out == "" {
		c.Out = filepath.Join(c.Root, filepath.FromSlash(results.Dir))
	}
	return c
}

// session is the state of one Run.
type session struct {
	cfg       Config
	runDir    string // newRunDir
	goVersion string
	// this run's results; merged into results.json at the end (writeResults),
	// so a run of a subset (-run) keeps the others'.
	this           *results.File
	bins           map[string]string        // by example id
	buildTook      map[string]time.Duration // by example id
	prints         map[string]string        // results.Fingerprint of each example's files before its build
	passed, failed int
}

// discover finds the examples cfg.Filter selects (Discover) and says which.
func discover(cfg Config) ([]Example, error) {
	exs, err := Discover(cfg.Root, cfg.Filter)
	if err != nil {
		return nil, err
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("no example matches: nothing to verify under %s", filepath.Join(cfg.Root, "examples"))
	}
	fmt.Fprintf(cfg.Log, "verify: %d example(s): %s\n", len(exs), strings.Join(ids(exs), ", "))
	return exs, nil
}

func ids(exs []Example) []string {
	out := make([]string, len(exs))
	for i, ex := range exs {
		out[i] = ex.ID
	}
	return out
}

// needsOf is every service some case of exs needs, and the Collector: every
// example exports somewhere.
func needsOf(exs []Example) map[string]bool {
	needs := map[string]bool{"collector": true}
	for _, ex := range exs {
		for _, sp := range append([]*spec.Spec{ex.Spec}, ex.Spec.Cases...) {
			for _, n := range sp.Needs {
				needs[n] = true
			}
			if sp.Run.Browser != nil {
				needs[browserService] = true
			}
		}
	}
	return needs
}

// buildAll compiles every example first, so that a compile error does not
// wait for containers, and returns those that built; the others fail here.
func (s *session) buildAll(ctx context.Context, exs []Example) []Example {
	binDir := filepath.Join(s.runDir, "bin")
	s.bins, s.buildTook, s.prints = map[string]string{}, map[string]time.Duration{}, map[string]string{}
	var built []Example
	for _, ex := range exs {
		// Before the build: an edit during the run makes the result stale, not current.
		s.prints[ex.ID], _ = results.Fingerprint(os.DirFS(ex.Dir))
		bin, took, r := compile(ctx, ex, binDir)
		if r != nil {
			r.Versions.Go, r.Fingerprint = s.goVersion, s.prints[ex.ID]
			s.record(*r)
			continue
		}
		s.buildTook[ex.ID] = took
		fmt.Fprintf(s.cfg.Log, "verify: built %s in %s\n", ex.ID, round(took))
		s.bins[ex.ID] = bin
		built = append(built, ex)
	}
	return built
}

// startServices starts the services needs names, with testcontainers' own
// progress in a file unless cfg.Verbose. The returned stop removes every
// container started and restores testcontainers' log, on every path: call
// it even after an error.
func (s *session) startServices(ctx context.Context, needs map[string]bool) (*services, func(), error) {
	svc := &services{log: s.cfg.Log, runDir: s.runDir}
	closeLog := func() {}
	stop := func() { svc.stop(); closeLog() }
	tcLog := filepath.Join(s.runDir, "testcontainers.log")
	if !s.cfg.Verbose {
		var err error
		if closeLog, err = quietTestcontainers(tcLog); err != nil {
			return nil, svc.stop, err
		}
	}
	if err := svc.start(ctx, needs); err != nil {
		// The run's folder goes away: show the end of testcontainers' log.
		if b, rerr := os.ReadFile(tcLog); rerr == nil && len(b) > 0 {
			err = fmt.Errorf("%w\ntestcontainers' log, %s", err, tail(b, 30))
		}
		return nil, stop, fmt.Errorf("start services: %w", err)
	}
	s.this.Versions = results.Versions{Go: s.goVersion, Collector: collectorVersion(svc.collImage)}
	return svc, stop, nil
}

// verifyAll verifies each built example in turn, until ctx ends.
func (s *session) verifyAll(ctx context.Context, svc *services, built []Example) {
	for _, ex := range built {
		if ctx.Err() != nil {
			return
		}
		r := verifyOne(ctx, s.cfg, svc, ex, s.bins[ex.ID], s.buildTook[ex.ID])
		r.Versions.Go, r.Versions.Collector = s.this.Versions.Go, s.this.Versions.Collector
		r.Fingerprint = s.prints[ex.ID]
		s.record(r)
	}
}

// record keeps r, prints it and counts it.
func (s *session) record(r results.Example) {
	s.this.Put(r)
	report(s.cfg.Log, r)
	if r.Status == results.StatusPass {
		s.passed++
	} else {
		s.failed++
	}
}

// writeResults merges this run's results into results.json, under its
// lock. A full run (no filter) also forgets examples that no longer exist.
func (s *session) writeResults(exs []Example) error {
	all := ids(exs)
	return results.Update(filepath.Join(s.cfg.Out, results.FileName), func(f *results.File) {
		f.Generated = time.Now().UTC().Truncate(time.Second)
		if s.cfg.Filter == nil {
			f.Examples = slices.DeleteFunc(f.Examples, func(e results.Example) bool { return !slices.Contains(all, e.ID) })
		}
		if s.this.Versions != (results.Versions{}) {
			f.Versions = s.this.Versions
		}
		for _, r := range s.this.Examples {
			f.Put(r)
		}
	})
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
