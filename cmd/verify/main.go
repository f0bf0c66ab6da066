// Command verify builds every example module, runs it against a Collector
// (and the services it needs) in containers, and checks the telemetry that
// arrived against the example's verify.yaml. See internal/verify for the
// verify.yaml language.
//
// Usage:
//
//	verify [-run REGEXP] [-root DIR] [-out DIR] [-v] [-j N] [-timeout D] [-force | -cached=strict]
//
// Examples run -j at a time (default: the number of CPUs), sharing the
// services; each has -timeout for all its cases. Ctrl-C stops every
// program and removes every container.
//
// An example unchanged since a passing run (its files, the images it uses,
// Go and verify itself) is not run again: its result and telemetry are
// reused, with the date of that run. -force runs every example;
// -cached=strict runs none and fails if one has no result to reuse.
//
// It exits 0 when every example passed, 1 when one failed, 2 when verify
// itself could not work (a bad verify.yaml, no Docker engine).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"syscall"

	"oteldocs.dev/internal/verify"
)

func main() { os.Exit(run()) }

func run() int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	runRE := fs.String("run", "", "verify only examples whose id matches this regular expression")
	root := fs.String("root", ".", "repository root (holds examples/)")
	out := fs.String("out", "", "output folder (default ROOT/build/verify)")
	verbose := fs.Bool("v", false, "print each example's output")
	jobs := fs.Int("j", 0, "examples verified side by side (default: the number of CPUs)")
	timeout := fs.Duration("timeout", verify.DefaultTimeout, "longest time for one example, all its cases")
	force := fs.Bool("force", false, "run every example, even those unchanged since a passing run")
	cachedMode := fs.String("cached", "", "\"strict\": run nothing; fail if an example changed since its last passing run")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: verify [-run REGEXP] [-root DIR] [-out DIR] [-v] [-j N] [-timeout D] [-force | -cached=strict]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	cfg := verify.Config{Root: *root, Out: *out, Verbose: *verbose, Jobs: *jobs, Timeout: *timeout}
	switch {
	case *force && *cachedMode != "":
		fmt.Fprintln(os.Stderr, "verify: -force and -cached contradict each other: give one")
		return 2
	case *force:
		cfg.Cache = verify.CacheForce
	case *cachedMode == "strict":
		cfg.Cache = verify.CacheStrict
	case *cachedMode != "":
		fmt.Fprintf(os.Stderr, "verify: -cached=%s: the only mode is strict\n", *cachedMode)
		return 2
	}
	if *runRE != "" {
		re, err := regexp.Compile(*runRE)
		if err != nil {
			fmt.Fprintf(os.Stderr, "verify: -run: %v\n", err)
			return 2
		}
		cfg.Filter = re
	}
	// Ctrl-C cancels the run; verify then removes its containers and exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	failed, err := verify.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "verify: %v\n", err)
		return 2
	}
	if failed > 0 {
		return 1
	}
	return 0
}
