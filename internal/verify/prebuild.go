package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"oteldocs.dev/internal/spec"
)

// prebuild runs the commands of run.build in the example's folder, in order,
// each with ${BUILD} expanded to a fresh folder below the run's binaries, and
// returns the case's spec with ${BUILD} expanded in run.program and run.args,
// the program to run (run.program, or bin, the example's Go program), and
// the lines it printed: each command as written, then what a failing one
// printed. A case without run.build, run.program or ${BUILD} is returned as
// is.
func prebuild(ctx context.Context, ex Example, sp *spec.Spec, bin string) (*spec.Spec, string, []byte, error) {
	r := sp.Run
	if len(r.Build) == 0 && r.Program == "" && !slices.ContainsFunc(r.Args, usesBuild) {
		return sp, bin, nil, nil
	}
	dir, err := os.MkdirTemp(filepath.Dir(bin), ex.ID+"-build-")
	if err != nil {
		return nil, "", nil, err
	}
	x := func(s string) string { return strings.ReplaceAll(s, "${"+spec.BuildVar+"}", dir) }
	var out bytes.Buffer
	for i, st := range r.Build {
		fmt.Fprintf(&out, "verify: run.build: %s\n", describeStep(st))
		if err := runStep(ctx, ex, st, x); err != nil {
			return nil, "", out.Bytes(), fmt.Errorf("%s:%d: run.build[%d]: %v", sp.Path, st.Line, i, err)
		}
	}
	c := *sp
	c.Run.Args = make([]string, len(r.Args))
	for i, a := range r.Args {
		c.Run.Args[i] = x(a)
	}
	prog := bin
	if r.Program != "" {
		prog = x(r.Program)
	}
	return &c, prog, out.Bytes(), nil
}

func usesBuild(s string) bool { return strings.Contains(s, "${"+spec.BuildVar+"}") }

// describeStep prints a step as written, its env first, e.g.
// "GOARCH=wasm GOOS=wasip1 go build -o ${BUILD}/guest.wasm ./guest".
func describeStep(st *spec.Step) string {
	var parts []string
	for _, k := range sortedKeys(st.Env) {
		parts = append(parts, k+"="+st.Env[k])
	}
	return strings.Join(append(parts, st.Cmd...), " ")
}

// runStep runs one command of run.build with x applied to its arguments and
// env values, in verify's environment with GOWORK=off and
// GOFLAGS=-mod=readonly (as the example's own build) and its env.
func runStep(ctx context.Context, ex Example, st *spec.Step, x func(string) string) error {
	args := make([]string, len(st.Cmd))
	for i, a := range st.Cmd {
		args[i] = x(a)
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = ex.Dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	for _, k := range sortedKeys(st.Env) {
		cmd.Env = append(cmd.Env, k+"="+x(st.Env[k]))
	}
	cmd.WaitDelay = 5 * time.Second
	b, err := cmd.CombinedOutput()
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%s is not installed: install it (`make test` installs gcc through scripts/ensure-gcc.sh)", args[0])
	}
	if err != nil {
		return fmt.Errorf("%s in %s: %v\n%s", describeStep(st), relDir(ex), err, strings.TrimSpace(string(b)))
	}
	return nil
}
