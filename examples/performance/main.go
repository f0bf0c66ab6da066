// Command performance measures what OpenTelemetry costs a Go program: spans,
// span processors exporting to a Collector, metric instruments and
// otelhttp. It runs each benchmark with testing.Benchmark, the function
// behind go test -bench, and prints one table with the machine and the
// module versions, because a figure without them means little.
//
// The export benchmarks send their spans to the Collector at
// OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
)

func main() {
	// testing.Init registers the test.* flags that testing.Benchmark reads;
	// go test does this itself, a main program must call it.
	testing.Init()
	benchtime := flag.Duration("benchtime", time.Second, "how long to run each in-process benchmark")
	exportSpans := flag.Int("exportspans", 2000, "spans each export benchmark sends to the Collector")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *benchtime, *exportSpans); err != nil {
		log.Fatal(err)
	}
}

// benchmark is one row of the table: a name and the function to measure.
type benchmark struct {
	name string
	fn   func(b *testing.B)
	// count, when set, runs the function exactly that many times instead
	// of for the benchtime (the export benchmarks, so the Collector
	// receives a known number of spans).
	count int
}

func run(ctx context.Context, benchtime time.Duration, exportSpans int) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	simple, err := newSimpleProvider(ctx)
	if err != nil {
		return fmt.Errorf("set up the simple span processor: %w", err)
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, simple.Shutdown(ctx))
	}()
	exports, err := exportBenchmarks(simple, exportSpans)
	if err != nil {
		return err
	}
	metrics, err := newMetricBenchmarks()
	if err != nil {
		return fmt.Errorf("create the instruments: %w", err)
	}

	printMachine(os.Stdout, benchtime)
	var all []benchmark
	all = append(all, spanBenchmarks()...)
	all = append(all, exports...)
	all = append(all, metrics.benchmarks()...)
	all = append(all, httpBenchmarks(otel.GetMeterProvider())...)

	printHeader(os.Stdout)
	for _, bm := range all {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r, err := measure(bm, benchtime)
		if err != nil {
			return err
		}
		printRow(os.Stdout, bm.name, r)
	}
	return nil
}

// measure runs one benchmark for benchtime, or exactly bm.count times.
func measure(bm benchmark, benchtime time.Duration) (testing.BenchmarkResult, error) {
	bt := benchtime.String()
	if bm.count > 0 {
		bt = fmt.Sprintf("%dx", bm.count)
	}
	if err := flag.Set("test.benchtime", bt); err != nil {
		return testing.BenchmarkResult{}, fmt.Errorf("set benchtime %s: %w", bt, err)
	}
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		bm.fn(b)
	})
	if r.N == 0 {
		return r, fmt.Errorf("benchmark %s failed: see its message above", bm.name)
	}
	return r, nil
}
