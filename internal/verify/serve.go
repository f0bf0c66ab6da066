package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"oteldocs.dev/internal/spec"
)

// pollInterval is how often verify tries the server's address until it
// answers: short, since a server is usually up within a second.
const pollInterval = 50 * time.Millisecond

// serveAndStop runs a run.serve case: a program that serves until it is
// interrupted, as a reader runs it. verify gives it a free loopback address
// in run.serve.addr_env, waits until the address answers, sends
// run.serve.requests in order, then sends run.serve.signal and waits for
// the program to exit. All of it is bounded by run.timeout. A request that
// fails or gets another status is a request failure of the result; the
// run still ends with the signal, so the telemetry is checked too.
func serveAndStop(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) (r ranCase) {
	sv := sp.Run.Serve
	timeout := sp.Run.Timeout.Duration
	if timeout == 0 {
		timeout = defaultTimeout
	}
	addr, err := freeAddr()
	if err != nil {
		r.exitCode, r.err = -1, fmt.Errorf("verify could not pick an address for the server: %v", err)
		return r
	}
	out := &lockedBuffer{}
	if b := sp.Run.Browser; b != nil && b.Wasm != nil {
		// Before the timeout starts: the build is not the run.
		report, err := buildWasm(ctx, ex, b.Wasm)
		if err != nil {
			r.exitCode, r.err = -1, fmt.Errorf("%s:%d: run.browser.wasm: %v", sp.Path, b.Line, err)
			return r
		}
		out.Write(report)
	}
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(runCtx, bin, sp.Run.Args...)
	cmd.Dir = ex.Dir
	cmd.Env = append(env, sv.AddrEnv+"="+addr)
	cmd.WaitDelay = 5 * time.Second
	cmd.Stdout, cmd.Stderr = out, out
	t0 := time.Now()
	defer func() { r.took, r.output = time.Since(t0), out.Bytes() }()
	if err := cmd.Start(); err != nil {
		r.exitCode, r.err = -1, fmt.Errorf("the program did not start: %v", err)
		return r
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	where := fmt.Sprintf("run.serve in %s:%d", sp.Path, sv.Line)

	if err := waitReady(runCtx, sv.Ready, addr, exited); err != nil {
		if errors.Is(err, errExited) {
			r.exitCode = exitCode(cmd)
			r.err = fmt.Errorf("the program exited (status %d) before it answered on %s=%s (%s)", r.exitCode, sv.AddrEnv, addr, where)
			return r
		}
		<-exited // killed by runCtx
		r.exitCode = -1
		r.err = fmt.Errorf("the program did not answer on %s=%s (ready: %s) within run.timeout of %s (%s): %v", sv.AddrEnv, addr, sv.Ready, timeout, where, err)
		return r
	}
	var pending *inFlight
	r.requestFailures, pending = sendServeRequests(runCtx, sp, addr, out)
	if sp.Run.Browser != nil {
		r.requestFailures = append(r.requestFailures, playBrowser(runCtx, sp, addr, out)...) // browser.go
	}

	sig := map[string]os.Signal{"SIGINT": os.Interrupt, "SIGTERM": syscall.SIGTERM}[sv.Signal]
	fmt.Fprintf(out, "verify: sent %s\n", sv.Signal)
	if err := cmd.Process.Signal(sig); err != nil {
		r.requestFailures = append(r.requestFailures, fmt.Sprintf("%s: sending %s: %v", where, sv.Signal, err))
	}
	err = <-exited
	r.requestFailures = append(r.requestFailures, pending.wait()...)
	r.exitCode = exitCode(cmd)
	switch {
	case errors.Is(runCtx.Err(), context.DeadlineExceeded):
		r.exitCode, r.err = -1, fmt.Errorf("did not exit within run.timeout of %s after verify sent %s (%s): a server must stop on that signal and flush its telemetry", timeout, sv.Signal, where)
	case ctx.Err() != nil:
		r.exitCode, r.err = -1, ctx.Err()
	case killedBy(cmd) != nil:
		name := killedBy(cmd).String()
		if killedBy(cmd) == sig {
			name = sv.Signal
		}
		r.exitCode, r.err = -1, fmt.Errorf("the program was killed by %s: it does not handle the signal (signal.NotifyContext), so it cannot flush its telemetry (%s)", name, where)
	case err != nil && cmd.ProcessState == nil:
		r.exitCode, r.err = -1, err
	}
	return r
}

var errExited = errors.New("the program exited")

// freeAddr returns a loopback address with a port that was free a moment
// ago. The port is closed again before the program binds it; another
// process could take it in between, which the program then reports as it
// would in production ("address already in use"). A fixed port in the
// spec would collide for certain when two runs overlap.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	return addr, ln.Close()
}

// waitReady polls addr until it answers: a TCP connection is accepted
// (ready "tcp"), or an HTTP GET of the path ready gets any answer. It
// returns errExited when the program exits first.
func waitReady(ctx context.Context, ready, addr string, exited <-chan error) error {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	try := func() error {
		tctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		if ready == "tcp" {
			c, err := (&net.Dialer{}).DialContext(tctx, "tcp", addr)
			if err == nil {
				c.Close()
			}
			return err
		}
		req, err := http.NewRequestWithContext(tctx, http.MethodGet, "http://"+addr+ready, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		return err
	}
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		err := try()
		if err == nil {
			return nil
		}
		select {
		case <-exited:
			return errExited
		case <-ctx.Done():
			return err
		case <-tick.C:
		}
	}
}

// sendServeRequests sends run.serve.requests in order and returns a
// failure, naming its line of verify.yaml, for each that could not be sent
// or got another status. Each answer is logged to out. A request with
// in_flight: true is only started (inflight.go): its failures come from
// the returned inFlight's wait, called after the signal.
func sendServeRequests(ctx context.Context, sp *spec.Spec, addr string, out io.Writer) ([]string, *inFlight) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	var failures []string
	pending := &inFlight{}
	for i, want := range sp.Run.Serve.Requests {
		if want.InFlight {
			pending.start(ctx, client, sp, i, addr, out)
			continue
		}
		if msg := sendServeRequest(ctx, client, sp, i, addr, out); msg != "" {
			failures = append(failures, msg)
		}
	}
	return failures, pending
}

// exitCode is the program's exit status once it has exited, -1 if a
// signal ended it.
func exitCode(cmd *exec.Cmd) int {
	if cmd.ProcessState == nil {
		return -1
	}
	return cmd.ProcessState.ExitCode()
}

// killedBy is the signal that ended the program, nil if it exited.
func killedBy(cmd *exec.Cmd) os.Signal {
	if cmd.ProcessState == nil {
		return nil
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal()
	}
	return nil
}

// lockedBuffer holds what the program printed and what verify logs between
// its lines, written from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// Bytes returns a copy of what was written.
func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.b.Bytes())
}
