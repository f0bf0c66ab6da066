// Command images builds the container images that verify starts (the
// Collector, Postgres and the MQTT broker) from their recipes, skipping an image whose recipe
// hash is unchanged.
//
// Usage:
//
//	images [collector] [postgres] [mqtt]
//
// With no arguments it builds all of them.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"oteldocs.dev/internal/verify"
)

func main() { os.Exit(run()) }

func run() int {
	names := os.Args[1:]
	if len(names) == 0 {
		names = []string{"collector", "postgres", "mqtt"}
	}
	needs := map[string]bool{}
	for _, n := range names {
		if n != "collector" && n != "postgres" && n != "mqtt" {
			fmt.Fprintf(os.Stderr, "usage: images [collector] [postgres] [mqtt]\nimages: unknown image %q\n", n)
			return 2
		}
		needs[n] = true
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := verify.EnsureImages(ctx, needs, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "images: %v\n", err)
		return 1
	}
	return 0
}
