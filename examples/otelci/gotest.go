package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"go.opentelemetry.io/otel"
)

// [START gotest]
// gotestCmd reads the output of `go test -json` from standard input (or -f
// FILE) and turns it into spans: one per package, one per test, subtests
// under their parent test. It prints the tests' own output as it goes, so
// the job log reads like `go test -v`, and it ends with go test's result: 1
// when a test or package failed, 0 otherwise.
func gotestCmd(ctx context.Context, args []string) (int, error) {
	flags := flag.NewFlagSet("gotest", flag.ContinueOnError)
	file := flags.String("f", "-", "the `go test -json` output to read (- is standard input)")
	summaryFile := flags.String("summary", "", "write each test's result and duration to this JSON `file`, for otelci regress")
	if err := flags.Parse(args); err != nil {
		return 2, err
	}
	in := io.Reader(os.Stdin)
	if *file != "-" {
		f, err := os.Open(*file)
		if err != nil {
			return 1, err
		}
		defer f.Close()
		in = f
	}

	// The parent is the pipeline step that runs us, as with otelci run.
	ctx = parentFromEnv(ctx)
	conv := newConverter(ctx, otel.Tracer("oteldocs.dev/examples/otelci"), os.Stdout)
	if err := conv.read(in); err != nil {
		return 1, err
	}
	sum := conv.finish()
	if conv.events == 0 {
		return 1, errors.New("no `go test -json` events on the input: pipe `go test -json ./...` into otelci gotest, or give -f FILE")
	}
	if *summaryFile != "" {
		if err := writeSummary(*summaryFile, sum); err != nil {
			return 1, err
		}
	}
	if conv.failed {
		return 1, nil
	}
	return 0, nil
}

// [END gotest]

// summary is what `otelci gotest -summary` writes and `otelci regress`
// reads: the result and duration of every test of one run.
type summary struct {
	Tests []testDuration `json:"tests"`
}

// testDuration is one test's result. Seconds is the time go test reports
// for it (the Elapsed field), which for a parallel test leaves out the time
// it waited for its turn.
type testDuration struct {
	Package string  `json:"package"`
	Test    string  `json:"test"`
	Result  string  `json:"result"` // pass or fail
	Seconds float64 `json:"seconds"`
}

func writeSummary(path string, sum summary) error {
	b, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write the summary: %w", err)
	}
	return nil
}

func readSummary(path string) (summary, error) {
	var sum summary
	b, err := os.ReadFile(path)
	if err != nil {
		return sum, err
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		return sum, fmt.Errorf("%s: %w: want the file otelci gotest -summary writes", path, err)
	}
	return sum, nil
}
