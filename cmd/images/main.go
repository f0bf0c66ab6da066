// Command images builds the container images that verify starts (the
// services of the registry in oteldocs.dev/internal/service: the
// Collector, Postgres, the MQTT broker, ...) from their recipes, skipping an
// image whose recipe hash is unchanged.
//
// Usage:
//
//	images [-hash] [service ...]
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
	"strings"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/testcontainers/services"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func usage() string {
	return "usage: images [-hash] [" + strings.Join(service.Names(), "] [") + "]"
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("images", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, usage())
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
		names = service.Names()
	}
	for _, n := range names {
		if !service.Known()[n] {
			fmt.Fprintf(stderr, "%s\nimages: unknown image %q\n", usage(), n)
			return 2
		}
	}
	if *hashOnly {
		return printHashes(names, stdout, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := services.EnsureImages(ctx, names, stdout); err != nil {
		fmt.Fprintf(stderr, "images: %v\n", err)
		return 1
	}
	return 0
}

// printHashes prints "<name> <ref> <hash>" for each named image.
func printHashes(names []string, stdout, stderr io.Writer) int {
	for _, n := range names {
		s, err := services.For(n)
		if err != nil {
			fmt.Fprintf(stderr, "images: %v\n", err)
			return 1
		}
		r := s.Image()
		h, err := r.Hash()
		if err != nil {
			fmt.Fprintf(stderr, "images: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s %s %s\n", n, r.Ref, h)
	}
	return 0
}
