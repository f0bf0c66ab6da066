package verify

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	dockercontainer "github.com/moby/moby/api/types/container"
	"github.com/moby/moby/api/types/network"
	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/collector"
)

// collector.outage: verify stops the case's own Collector once the output
// of the program (or of a run.alongside program) matches outage.after,
// waits outage.for and starts the same container again. Its ports are
// published on fixed host ports chosen free beforehand, because Docker may
// map a stopped container's ephemeral ports to new ones when it starts
// again: the example must find the Collector where it left it.

// fixedPorts publishes the Collector's ports on free host ports of
// 127.0.0.1, so that they stay the same across a stop and a start.
func fixedPorts() (testcontainers.ContainerCustomizer, error) {
	bindings := network.PortMap{}
	for _, p := range []string{"4317/tcp", "4318/tcp", "13133/tcp"} {
		port, err := freePort()
		if err != nil {
			return nil, fmt.Errorf("collector.outage: choose a free host port: %w", err)
		}
		bindings[network.MustParsePort(p)] = []network.PortBinding{{HostPort: strconv.Itoa(port)}}
	}
	return testcontainers.WithHostConfigModifier(func(hc *dockercontainer.HostConfig) {
		hc.PortBindings = bindings
	}), nil
}

// freePort asks the kernel for a port no one listens on. Another process
// may take it before the Collector does; then the Collector does not start
// and the case fails with Docker's message.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// outage runs one collector.outage. Output written to tap is what it
// watches; wait blocks until the Collector is back (or the outage gave up).
type outage struct {
	tap      lockedBuffer
	cancel   context.CancelFunc // ends the watch: the programs have exited
	stopping atomic.Bool        // the pattern matched
	done     chan struct{}
	mu       sync.Mutex
	log      []string // lines for the case's output
	failures []string
}

type outageKey struct{}

// startOutage starts watching for o.After; nil when the case has no
// outage. The returned context carries it to execute and executeAlongside
// (tapped, waitOutage).
func startOutage(ctx context.Context, c *collector.Container, sp *spec.Spec) (context.Context, *outage) {
	o := sp.Collector.Outage
	if o == nil {
		return ctx, nil
	}
	out := &outage{done: make(chan struct{})}
	watch, cancel := context.WithCancel(ctx)
	out.cancel = cancel
	go out.run(watch, c, o, sp.Path)
	return context.WithValue(ctx, outageKey{}, out), out
}

func (out *outage) run(ctx context.Context, c *collector.Container, o *spec.Outage, path string) {
	defer close(out.done)
	t0 := time.Now()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for !o.After.Match(string(out.tap.Bytes())) {
		select {
		case <-ctx.Done():
			out.fail("%s:%d: collector.outage.after %s never matched the output: the Collector was not stopped", path, o.Line, o.After)
			return
		case <-tick.C:
		}
	}
	out.stopping.Store(true)
	before, _ := c.HTTPEndpoint(ctx)
	out.note("verify: the output matched collector.outage.after at %s: stopping the Collector", since(t0))
	stopTimeout := 10 * time.Second
	if err := c.Stop(context.WithoutCancel(ctx), &stopTimeout); err != nil {
		out.fail("%s:%d: collector.outage: stopping the Collector: %v", path, o.Line, err)
		return
	}
	out.note("verify: the Collector is stopped for %s", o.For.Duration)
	// The whole outage runs even when the programs exit meanwhile: the
	// Collector must be back for verify to read what arrived.
	time.Sleep(o.For.Duration)
	if err := c.Start(context.WithoutCancel(ctx)); err != nil {
		out.fail("%s:%d: collector.outage: starting the Collector again: %v", path, o.Line, err)
		return
	}
	after, _ := c.HTTPEndpoint(context.WithoutCancel(ctx))
	if after != before {
		out.fail("%s:%d: collector.outage: the Collector came back on %s, not %s: its ports must be fixed (fixedPorts)", path, o.Line, after, before)
		return
	}
	out.note("verify: the Collector answers again at %s, on the same endpoint", since(t0))
}

func (out *outage) note(format string, args ...any) {
	out.mu.Lock()
	defer out.mu.Unlock()
	out.log = append(out.log, fmt.Sprintf(format, args...))
}

func (out *outage) fail(format string, args ...any) {
	out.mu.Lock()
	defer out.mu.Unlock()
	out.failures = append(out.failures, fmt.Sprintf(format, args...))
}

// finish waits for the outage to end and returns its log lines (for the
// output) and its failures.
func (out *outage) finish() (log []byte, failures []string) {
	waitOutage(context.WithValue(context.Background(), outageKey{}, out))
	out.cancel()
	<-out.done
	out.mu.Lock()
	defer out.mu.Unlock()
	for _, l := range out.log {
		log = append(log, l+"\n"...)
	}
	return log, out.failures
}

// tapped returns w, or w and the outage's watch when ctx carries an
// outage: what a program prints is matched against collector.outage.after.
// Use the result for both Stdout and Stderr, so exec keeps one pipe.
func tapped(ctx context.Context, w io.Writer) io.Writer {
	if out, ok := ctx.Value(outageKey{}).(*outage); ok {
		return io.MultiWriter(w, &out.tap)
	}
	return w
}

// waitOutage blocks until the Collector of an outage that has begun is
// back, so that run.alongside programs are stopped (and flush) only once it
// answers.
func waitOutage(ctx context.Context) {
	if out, ok := ctx.Value(outageKey{}).(*outage); ok && out.stopping.Load() {
		select {
		case <-out.done:
		case <-ctx.Done():
		}
	}
}
