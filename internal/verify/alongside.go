package verify

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"oteldocs.dev/internal/spec"
)

// executeAlongside runs a case's main program (execute) with the programs
// of run.alongside around it, as a reader runs a gateway and then a device:
// each is built from its package, started, and waited for until its output
// matches ready; then the main program runs; then each waits until its
// output matches stop_when, gets SIGINT and must exit 0. Each phase is
// bounded by run.timeout. What they printed follows the main program's
// output. A program that does not build, start or get ready fails the case
// before the main program runs; one that fails after it is a failure of the
// case whose telemetry is still checked.
func executeAlongside(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) ranCase {
	if len(sp.Run.Alongside) == 0 {
		return executeArch(ctx, ex, sp, bin, env) // execute, with any run.arch
	}
	timeout := sp.Run.Timeout.Duration
	if timeout == 0 {
		timeout = defaultTimeout
	}
	var sides []*sideProc
	defer func() {
		for _, p := range sides {
			p.kill()
		}
	}()
	output := func(r ranCase) ranCase {
		for _, p := range sides {
			r.output = append(r.output, p.section()...)
		}
		return r
	}
	for i, a := range sp.Run.Alongside {
		p, err := startSide(ctx, ex, sp, i, a, bin, env)
		if p != nil {
			sides = append(sides, p)
		}
		if err == nil {
			err = p.waitFor(ctx, a.Ready, timeout, "ready")
		}
		if err != nil {
			return output(ranCase{exitCode: -1, err: err})
		}
		fmt.Fprintf(p.out, "verify: %s is ready\n", a.Package)
	}
	r := execute(ctx, ex, sp, bin, env)
	waitOutage(ctx) // the Collector must answer when they flush (outage.go)
	for _, p := range sides {
		r.requestFailures = append(r.requestFailures, p.stop(ctx, timeout)...)
	}
	return output(r)
}

// sideProc is one running program of run.alongside.
type sideProc struct {
	a      *spec.Alongside
	where  string // its place in verify.yaml, for messages
	cmd    *exec.Cmd
	out    *lockedBuffer
	exited chan error
	done   bool
}

// startSide builds the package of a and starts it with the case's
// environment and a's own.
func startSide(ctx context.Context, ex Example, sp *spec.Spec, i int, a *spec.Alongside, mainBin string, env []string) (*sideProc, error) {
	where := fmt.Sprintf("run.alongside[%d] in %s:%d", i, sp.Path, a.Line)
	bin := fmt.Sprintf("%s-alongside-%d", mainBin, i)
	if out, err := goCmd(ctx, ex, nil, "build", "-o", bin, a.Package).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build %s in %s (%s): %v\n%s", a.Package, relDir(ex), where, err, strings.TrimSpace(string(out)))
	}
	p := &sideProc{a: a, where: where, out: &lockedBuffer{}, exited: make(chan error, 1)}
	p.cmd = exec.Command(bin, a.Args...)
	p.cmd.Dir = ex.Dir
	p.cmd.Env = append([]string(nil), env...)
	for _, k := range sortedKeys(a.Env) {
		p.cmd.Env = append(p.cmd.Env, k+"="+a.Env[k])
	}
	w := tapped(ctx, p.out) // collector.outage watches it (outage.go)
	p.cmd.Stdout, p.cmd.Stderr = w, w
	p.cmd.WaitDelay = 5 * time.Second
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s (%s) did not start: %v", a.Package, where, err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	return p, nil
}

// waitFor polls the program's output until want matches it. It fails when
// the program exits first or timeout runs out.
func (p *sideProc) waitFor(ctx context.Context, want *spec.Value, timeout time.Duration, field string) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for !want.Match(string(p.out.Bytes())) {
		select {
		case <-p.exited:
			p.done = true
			return fmt.Errorf("%s exited (status %d) before its output matched %s %s (%s)\n%s", p.a.Package, exitCode(p.cmd), field, want, p.where, tail(p.out.Bytes(), 20))
		case <-ctx.Done():
			return fmt.Errorf("%s: its output did not match %s %s within run.timeout of %s (%s)\n%s", p.a.Package, field, want, timeout, p.where, tail(p.out.Bytes(), 20))
		case <-tick.C:
		}
	}
	return nil
}

// stop waits for stop_when, sends SIGINT and waits for the exit, which must
// be status 0. It returns the failures.
func (p *sideProc) stop(ctx context.Context, timeout time.Duration) []string {
	var failures []string
	if p.a.StopWhen != nil {
		if err := p.waitFor(ctx, p.a.StopWhen, timeout, "stop_when"); err != nil {
			failures = append(failures, err.Error())
		}
	}
	if p.done {
		return failures
	}
	fmt.Fprintf(p.out, "verify: sent SIGINT to %s\n", p.a.Package)
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		failures = append(failures, fmt.Sprintf("%s: sending SIGINT to %s: %v", p.where, p.a.Package, err))
	}
	select {
	case <-p.exited:
		p.done = true
	case <-time.After(timeout):
		return append(failures, fmt.Sprintf("%s did not exit within run.timeout of %s after verify sent SIGINT (%s): it must stop on that signal and flush its telemetry", p.a.Package, timeout, p.where))
	case <-ctx.Done():
		return append(failures, ctx.Err().Error())
	}
	switch {
	case killedBy(p.cmd) != nil:
		failures = append(failures, fmt.Sprintf("%s was killed by %s: it does not handle the signal (signal.NotifyContext), so it cannot flush its telemetry (%s)", p.a.Package, killedBy(p.cmd), p.where))
	case exitCode(p.cmd) != 0:
		failures = append(failures, fmt.Sprintf("%s exited with status %d, want 0 (%s)\n%s", p.a.Package, exitCode(p.cmd), p.where, tail(p.out.Bytes(), 20)))
	}
	return failures
}

// kill ends the program if it still runs: the case failed before stop.
func (p *sideProc) kill() {
	if p.done {
		return
	}
	p.cmd.Process.Kill()
	<-p.exited
	p.done = true
}

// section is what the program printed, under a line naming it.
func (p *sideProc) section() []byte {
	return append([]byte(fmt.Sprintf("verify: output of %s:\n", filepath.ToSlash(p.a.Package))), p.out.Bytes()...)
}
