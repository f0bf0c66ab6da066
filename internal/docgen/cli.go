package docgen

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"oteldocs.dev/internal/results"
)

const usage = `usage: docgen build [flags]
       docgen serve [flags] [-addr 127.0.0.1:8080]

build   writes the site from the content folder into the output folder,
        replacing it only when the whole build succeeds
serve   builds, serves the output folder, rebuilds when content/, examples/,
        site/ or the verify results change, and reloads the open page

flags:
`

// Main runs the docgen command with args (without the program name) and
// returns its exit code: 0 success, 1 a failed build, 2 bad usage. cfg
// carries what flags cannot, such as the Telemetry hook; flags set the rest.
func Main(args []string, stdout, stderr io.Writer, cfg Config) int {
	if len(args) == 0 || args[0] != "build" && args[0] != "serve" {
		out, code := stderr, 2
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
			out, code = stdout, 0
		}
		newFlags("serve", &cfg, new(string), out).Usage()
		return code
	}
	var addr string
	fs := newFlags(args[0], &cfg, &addr, stderr)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen %s: unexpected argument %q\n", args[0], fs.Arg(0))
		return 2
	}
	if args[0] == "serve" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if err := Serve(ctx, cfg, addr, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "docgen serve: %v\n", err)
			return 1
		}
		return 0
	}
	if err := Build(cfg); err != nil {
		fmt.Fprintf(stderr, "%v\ndocgen: build failed; %s was left as it was\n", err, outName(cfg))
		return 1
	}
	fmt.Fprintf(stdout, "docgen: built %s\n", outName(cfg))
	return 0
}

func outName(cfg Config) string { return or(cfg.Out, "public") }

func newFlags(name string, cfg *Config, addr *string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("docgen "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(out, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.Root, "root", or(cfg.Root, "."), "repository `folder`: content, examples and results are read from it")
	fs.StringVar(&cfg.Content, "content", or(cfg.Content, "content"), "chapters `folder`, relative to -root")
	fs.StringVar(&cfg.Out, "out", or(cfg.Out, "public"), "output `folder`")
	fs.StringVar(&cfg.Results, "results", or(cfg.Results, results.DefaultPath), "verification results `file`, relative to -root (absent: nothing verified yet)")
	fs.StringVar(&cfg.BaseURL, "base-url", or(cfg.BaseURL, "https://oteldocs.dev/"), "absolute `URL` the site is published at, for sitemap.xml and canonical links")
	fs.StringVar(&cfg.EditURL, "edit-url", cfg.EditURL, "`URL` prefix of \"Edit this page\" links, e.g. https://github.com/OWNER/REPO/edit/main/ (empty: none)")
	fs.StringVar(&cfg.SourceURL, "source-url", cfg.SourceURL, "`URL` prefix of snippet source links, e.g. https://github.com/OWNER/REPO/blob/main/ (empty: link the example's zip)")
	if name == "serve" {
		fs.StringVar(addr, "addr", "127.0.0.1:8080", "`address` to serve at")
	}
	return fs
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
