package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// printMachine names what the figures depend on: the CPU, the Go release
// and the OpenTelemetry modules this binary was built with.
func printMachine(w io.Writer, benchtime time.Duration) {
	fmt.Fprintf(w, "machine: %s/%s, %d CPUs (GOMAXPROCS %d), %s\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel())
	fmt.Fprintf(w, "go: %s\n", runtime.Version())
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if strings.HasPrefix(dep.Path, "go.opentelemetry.io/") && !strings.Contains(dep.Path, "/proto/") {
				fmt.Fprintf(w, "module: %s %s\n", dep.Path, dep.Version)
			}
		}
	}
	fmt.Fprintf(w, "benchtime: %s per in-process benchmark\n\n", benchtime)
}

// cpuModel reads the CPU's name from /proc/cpuinfo on Linux.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "CPU model unknown"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		key, value, ok := strings.Cut(s.Text(), ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "CPU model unknown"
}

const rowFormat = "%-34s %10s %10s %8s %10s %12s\n"

func printHeader(w io.Writer) {
	fmt.Fprintf(w, rowFormat, "benchmark", "runs", "ns/op", "B/op", "allocs/op", "ops/s")
}

// printRow prints one result. B/op and allocs/op come from the Go runtime's
// counters, so they include what other goroutines (an exporter) allocated
// meanwhile. ops/s is runs divided by the time they took.
func printRow(w io.Writer, name string, r testing.BenchmarkResult) {
	perSecond := float64(r.N) / r.T.Seconds()
	fmt.Fprintf(w, rowFormat, name,
		fmt.Sprint(r.N),
		fmt.Sprintf("%.1f", float64(r.T.Nanoseconds())/float64(r.N)),
		fmt.Sprint(r.AllocedBytesPerOp()),
		fmt.Sprint(r.AllocsPerOp()),
		fmt.Sprintf("%.0f", perSecond))
}
