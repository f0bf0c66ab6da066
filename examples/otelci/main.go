// Command otelci traces CI/CD pipelines with OpenTelemetry.
//
//	otelci run [flags] -- COMMAND [ARG...]   run a command inside a span
//	otelci gotest [flags] < test.json        turn `go test -json` output into spans
//	otelci regress [flags]                   compare test durations with the previous run
//
// It exports over OTLP, configured by the standard OTEL_* variables, and
// reads the pipeline, job and step names from the CI system's own
// environment variables (GitHub Actions, GitLab CI, Jenkins).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	code, err := dispatch(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "otelci:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// dispatch runs a subcommand and returns the exit code the process ends
// with: for run, the wrapped command's own.
func dispatch(args []string) (code int, err error) {
	if len(args) == 0 {
		return 2, errors.New("usage: otelci run|gotest|regress ... (otelci CMD -h for help)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return 1, fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		// Telemetry that cannot be sent must not fail the build: say it
		// and keep the command's own exit code.
		if serr := shutdown(ctx); serr != nil {
			fmt.Fprintln(os.Stderr, "otelci: telemetry not sent:", serr)
		}
	}()
	switch args[0] {
	case "run":
		return runCmd(ctx, args[1:])
	case "gotest":
		return gotestCmd(ctx, args[1:])
	case "regress":
		return regressCmd(ctx, args[1:])
	}
	return 2, fmt.Errorf("unknown command %q: want run, gotest or regress", args[0])
}
