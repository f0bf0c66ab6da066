package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// Attributes of our own, where the semantic conventions have none.
const (
	testSkippedKey = attribute.Key("otelci.test.skipped") // true on a skipped test or package
	testOutputKey  = attribute.Key("otelci.test.output")  // on the "output" event
)

// testEvent is one line of `go test -json` (see `go doc cmd/test2json`).
type testEvent struct {
	Time    time.Time
	Action  string
	Package string
	Test    string
	Elapsed float64 // seconds, on pass and fail
	Output  string
	// ImportPath names the package of build output ("build-output"), as
	// "example.com/m [example.com/m.test]".
	ImportPath string
}

// converter turns test events into spans as they arrive.
type converter struct {
	parent context.Context
	tracer trace.Tracer
	echo   io.Writer // where the tests' output goes on

	pkgs   map[string]*node
	build  map[string]string // build output by package, until it starts
	open   map[string]*node  // tests by package + "\x00" + name
	last   time.Time         // the latest event time, to end what never ended
	events int
	failed bool
	sum    summary
}

// node is the span of a package or a test, and the output it printed.
type node struct {
	ctx    context.Context
	span   trace.Span
	output strings.Builder
}

func newConverter(parent context.Context, tracer trace.Tracer, echo io.Writer) *converter {
	return &converter{parent: parent, tracer: tracer, echo: echo,
		pkgs: map[string]*node{}, open: map[string]*node{}, build: map[string]string{}}
}

// read handles every event of r. A line that is not JSON (go vet's or
// the build's messages) is passed on to the log.
func (c *converter) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var ev testEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil || ev.Action == "" {
			fmt.Fprintln(c.echo, sc.Text())
			continue
		}
		c.handle(ev)
	}
	return sc.Err()
}

// handle turns one event into span operations, timed by the event's own
// Time: parallel tests overlap in the trace as they did in the run.
func (c *converter) handle(ev testEvent) {
	c.events++
	ts := ev.Time
	if ts.IsZero() { // go test leaves it out on some cached results
		ts = time.Now()
	}
	if ts.After(c.last) {
		c.last = ts
	}
	if ev.Output != "" {
		fmt.Fprint(c.echo, ev.Output)
	}
	if ev.Package == "" { // build output: kept for the package's span
		pkg, _, _ := strings.Cut(ev.ImportPath, " ")
		c.build[pkg] += ev.Output
		return
	}
	if ev.Test == "" {
		c.handlePackage(ev, ts)
		return
	}
	key := ev.Package + "\x00" + ev.Test
	n := c.open[key]
	if n == nil {
		n = c.startTest(ev, ts)
		c.open[key] = n
	}
	switch ev.Action {
	case "output":
		n.output.WriteString(ev.Output)
	case "pause":
		n.span.AddEvent("paused", trace.WithTimestamp(ts))
	case "cont":
		n.span.AddEvent("continued", trace.WithTimestamp(ts))
	case "pass", "fail", "skip":
		c.endTest(n, ev, ts)
		delete(c.open, key)
	}
}

func (c *converter) handlePackage(ev testEvent, ts time.Time) {
	p := c.pkg(ev.Package, ts)
	switch ev.Action {
	case "output":
		p.output.WriteString(ev.Output)
	case "pass":
		p.span.SetAttributes(semconv.TestSuiteRunStatusSuccess)
		p.span.End(trace.WithTimestamp(ts))
	case "skip": // no test files, or no test matched -run
		p.span.SetAttributes(semconv.TestSuiteRunStatusSkipped, testSkippedKey.Bool(true))
		p.span.End(trace.WithTimestamp(ts))
	case "fail":
		c.failed = true
		p.span.SetAttributes(semconv.TestSuiteRunStatusFailure)
		p.span.AddEvent("output", trace.WithTimestamp(ts),
			trace.WithAttributes(testOutputKey.String(p.output.String())))
		p.span.SetStatus(codes.Error, "package failed")
		p.span.End(trace.WithTimestamp(ts))
	}
}

// pkg returns the span of a package, started at ts if it is new.
func (c *converter) pkg(name string, ts time.Time) *node {
	if p := c.pkgs[name]; p != nil {
		return p
	}
	ctx, span := c.tracer.Start(c.parent, name, trace.WithTimestamp(ts),
		trace.WithAttributes(semconv.TestSuiteName(name)))
	p := &node{ctx: ctx, span: span}
	p.output.WriteString(c.build[name]) // the compiler's errors, if any
	c.pkgs[name] = p
	return p
}

// [START parent]
// startTest starts a test's span under its parent test (TestA for
// TestA/sub), or under the package for a top-level test.
func (c *converter) startTest(ev testEvent, ts time.Time) *node {
	parent := c.pkg(ev.Package, ts).ctx
	if i := strings.LastIndex(ev.Test, "/"); i > 0 {
		if p := c.open[ev.Package+"\x00"+ev.Test[:i]]; p != nil {
			parent = p.ctx
		}
	}
	ctx, span := c.tracer.Start(parent, ev.Test, trace.WithTimestamp(ts),
		trace.WithAttributes(semconv.TestSuiteName(ev.Package), semconv.TestCaseName(ev.Test)))
	return &node{ctx: ctx, span: span}
}

// [END parent]

// [START result]
// endTest records a test's result: a failure is an error with the test's
// output as an event, a skip is marked and keeps its status unset.
func (c *converter) endTest(n *node, ev testEvent, ts time.Time) {
	switch ev.Action {
	case "pass":
		n.span.SetAttributes(semconv.TestCaseResultStatusPass)
	case "fail":
		c.failed = true
		n.span.SetAttributes(semconv.TestCaseResultStatusFail)
		n.span.AddEvent("output", trace.WithTimestamp(ts),
			trace.WithAttributes(testOutputKey.String(n.output.String())))
		n.span.SetStatus(codes.Error, "test failed")
	case "skip":
		n.span.SetAttributes(testSkippedKey.Bool(true))
		n.span.AddEvent("output", trace.WithTimestamp(ts),
			trace.WithAttributes(testOutputKey.String(n.output.String())))
	}
	n.span.End(trace.WithTimestamp(ts))
	if ev.Action != "skip" {
		c.sum.Tests = append(c.sum.Tests, testDuration{
			Package: ev.Package, Test: ev.Test, Result: ev.Action, Seconds: ev.Elapsed})
	}
}

// [END result]

// finish ends what the input left open (a test binary that crashed or was
// killed) as failed, and returns the summary of the run.
func (c *converter) finish() summary {
	for key, n := range c.open {
		c.failed = true
		n.span.AddEvent("output", trace.WithTimestamp(c.last),
			trace.WithAttributes(testOutputKey.String(n.output.String())))
		n.span.SetStatus(codes.Error, "no result: the test binary stopped before the test ended")
		n.span.End(trace.WithTimestamp(c.last))
		delete(c.open, key)
	}
	for _, p := range c.pkgs {
		if p.span.IsRecording() {
			c.failed = true
			p.span.SetStatus(codes.Error, "no result: go test stopped before the package ended")
			p.span.End(trace.WithTimestamp(c.last))
		}
	}
	return c.sum
}
