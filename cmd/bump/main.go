// Command bump moves every example module to the newest release of each
// OpenTelemetry module it requires and tidies it (make bump). Run from the
// repository root; -n prints the plan only. See package lockstep.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"oteldocs.dev/internal/lockstep"
)

func main() {
	dryRun := flag.Bool("n", false, "print what would move, change nothing")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := lockstep.Bump(ctx, ".", os.Stdout, *dryRun); err != nil {
		fmt.Fprintln(os.Stderr, "bump:", err)
		os.Exit(1)
	}
	mods, err := lockstep.Load(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bump:", err)
		os.Exit(1)
	}
	for _, err := range lockstep.Drift(mods) {
		fmt.Fprintln(os.Stderr, err)
	}
}
