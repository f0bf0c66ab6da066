// Command images builds the container images that verify starts (the
// Collector, Postgres and the MQTT broker) from their recipes, skipping an
// image whose recipe hash is unchanged.
//
// Usage:
//
//	images [-hash] [collector] [postgres] [mqtt]
//
// With no names it builds all of them. With -hash it builds nothing and
// needs no Docker: it prints one line per image, "<name> <ref> <recipe
// hash>". The recipes are embedded in the binary (go:embed), so it works
// from any working directory, wherever the binary was built.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"oteldocs.dev/internal/verify"
	"oteldocs.dev/testcontainers/collector"
	"oteldocs.dev/testcontainers/images"
	"oteldocs.dev/testcontainers/mosquitto"
	"oteldocs.dev/testcontainers/postgres"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = "usage: images [-hash] [collector] [postgres] [mqtt]"

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("images", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, usage)
		flags.PrintDefaults()
	}
	hashOnly := flags.Bool("hash", false, "print each image's recipe hash instead of building (no Docker needed)")
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	names := flags.Args()
	if len(names) == 0 {
		names = []string{"collector", "postgres", "mqtt"}
	}
	needs := map[string]bool{}
	for _, n := range names {
		if n != "collector" && n != "postgres" && n != "mqtt" {
			fmt.Fprintf(stderr, "%s\nimages: unknown image %q\n", usage, n)
			return 2
		}
		needs[n] = true
	}
	if *hashOnly {
		return printHashes(names, stdout, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := verify.EnsureImages(ctx, needs, stdout); err != nil {
		fmt.Fprintf(stderr, "images: %v\n", err)
		return 1
	}
	return 0
}

// printHashes prints "<name> <ref> <hash>" for each named image.
func printHashes(names []string, stdout, stderr io.Writer) int {
	recipes := map[string]func() images.Recipe{"collector": collector.Image, "postgres": postgres.Image, "mqtt": mosquitto.Image}
	for _, n := range names {
		r := recipes[n]()
		h, err := r.Hash()
		if err != nil {
			fmt.Fprintf(stderr, "images: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s %s %s\n", n, r.Ref, h)
	}
	return 0
}
