// Command verify builds every example module, runs it against a Collector
// (and the services it needs) in containers, and checks the telemetry that
// arrived against the example's verify.yaml. See internal/verify for the
// verify.yaml language.
//
// Usage:
//
//	verify [-run REGEXP] [-root DIR] [-out DIR] [-v] [-j N] [-timeout D] [-force | -cached=strict]
//	       [-shard K/N] [-junit FILE] [-annotate]
//	verify -merge -out DIR SHARD_DIR...
//
// -shard K/N verifies part K of N, split by the durations of the last
// results; -merge combines the output folders of the shards into one, as a
// single run would have written it. -junit writes JUnit XML; -annotate
// (default on GitHub Actions) prints failures as annotations on the file
// and line they name.
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
	shard := fs.String("shard", "", "verify only part `K/N` of the examples (split by their last durations)")
	junit := fs.String("junit", "", "write the results as JUnit XML to this `file`")
	annotate := fs.Bool("annotate", os.Getenv("GITHUB_ACTIONS") == "true", "print failures as GitHub Actions annotations")
	merge := fs.Bool("merge", false, "merge the output folders given as arguments (shards) into -out")
	force := fs.Bool("force", false, "run every example, even those unchanged since a passing run")
	cachedMode := fs.String("cached", "", "\"strict\": run nothing; fail if an example changed since its last passing run")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: verify [-run REGEXP] [-root DIR] [-out DIR] [-v] [-j N] [-timeout D] [-force | -cached=strict] [-shard K/N] [-junit FILE] [-annotate]\n       verify -merge -out DIR SHARD_DIR...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	if *merge {
		if *out == "" || fs.NArg() == 0 {
			fmt.Fprintln(os.Stderr, "verify: -merge needs -out DIR and the shards' output folders as arguments")
			return 2
		}
		if err := verify.Merge(*out, fs.Args()); err != nil {
			fmt.Fprintf(os.Stderr, "verify: -merge: %v\n", err)
			return 2
		}
		fmt.Printf("verify: merged %d shard(s) into %s\n", fs.NArg(), *out)
		return 0
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "verify: unexpected argument %q (only -merge takes folders)\n", fs.Arg(0))
		return 2
	}
	cfg := verify.Config{Root: *root, Out: *out, Verbose: *verbose, Jobs: *jobs, Timeout: *timeout, JUnit: *junit, Annotate: *annotate}
	if *shard != "" {
		sh, err := verify.ParseShard(*shard)
		if err != nil {
			fmt.Fprintf(os.Stderr, "verify: %v\n", err)
			return 2
		}
		cfg.Shard = sh
	}
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
