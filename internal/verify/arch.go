package verify

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"

	"oteldocs.dev/internal/spec"
)

// stripFlags are the linker flags of the stripped build: no symbol table
// (-s), no DWARF (-w).
const stripFlags = "-s -w"

// executeArch runs a case with run.arch: it builds the program for Linux on
// that architecture (CGO_ENABLED=0, GOARM=7 for arm), once as is and once
// stripped, and the packages of run.sizes the same way, and prints their
// sizes; then it runs the program, under the arch's qemu-user-static
// emulator when the host's architecture differs, and prints the peak
// resident memory of the run. A case without run.arch is run by execute.
func executeArch(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) ranCase {
	arch := sp.Run.Arch
	if arch == "" {
		return executeTest(ctx, ex, sp, bin, env) // execute, with any run.test (gotest.go)
	}
	var report bytes.Buffer
	fmt.Fprintf(&report, "verify: built for %s with CGO_ENABLED=0 (size in bytes)\n", target(arch))
	cross := bin + "-" + arch
	for _, pkg := range append([]string{"."}, sp.Run.Sizes...) {
		out := cross + strings.ReplaceAll(strings.TrimPrefix(pkg, "."), "/", "-")
		plain, err := crossBuild(ctx, ex, arch, pkg, out, "")
		if err != nil {
			return ranCase{exitCode: -1, err: err}
		}
		stripped, err := crossBuild(ctx, ex, arch, pkg, out+"-stripped", stripFlags)
		if err != nil {
			return ranCase{exitCode: -1, err: err}
		}
		fmt.Fprintf(&report, "verify: size of %-8s %10d   stripped (-ldflags=%q) %10d\n", pkg, plain, stripFlags, stripped)
	}
	if emu := spec.Emulators[arch]; arch != runtime.GOARCH {
		if _, err := exec.LookPath(emu); err != nil {
			return ranCase{exitCode: -1, output: report.Bytes(), err: fmt.Errorf(
				"%s:%d: run.arch %s: %s is not installed, so the %s build cannot run here: install Debian's qemu-user-static (`make test` does, through scripts/ensure-qemu.sh)",
				sp.Path, sp.Line, arch, emu, target(arch))}
		}
		fmt.Fprintf(&report, "verify: running under %s\n", emu)
	}
	r := execute(ctx, ex, sp, cross, env)
	r.output = append(report.Bytes(), r.output...)
	if r.maxRSS > 0 {
		note := ""
		if arch != runtime.GOARCH {
			note = ", the emulator's own memory included"
		}
		r.output = fmt.Appendf(r.output, "verify: peak resident memory (getrusage maxrss) %d KiB%s\n", r.maxRSS, note)
	}
	return r
}

// target names the platform of arch as Go does, with GOARM for arm.
func target(arch string) string {
	if arch == "arm" {
		return "linux/arm (GOARM=7)"
	}
	return "linux/" + arch
}

// crossBuild builds pkg of the example for Linux on arch into out and
// returns the binary's size.
func crossBuild(ctx context.Context, ex Example, arch, pkg, out, ldflags string) (int64, error) {
	return sizedBuild(ctx, ex, pkg, out, ldflags, target(arch), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+arch, "GOARM=7")
}

// emulated makes cmd run under the emulator of run.arch when that differs
// from the host's architecture.
func emulated(cmd *exec.Cmd, sp *spec.Spec) {
	arch := sp.Run.Arch
	if arch == "" || arch == runtime.GOARCH {
		return
	}
	emu := spec.Emulators[arch]
	if path, err := exec.LookPath(emu); err == nil {
		cmd.Path = path
	}
	cmd.Args = append([]string{emu}, cmd.Args...)
}

// maxRSS is the peak resident memory of the exited process in KiB (Linux
// reports ru_maxrss in KiB), 0 if unknown.
func maxRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
