package verify

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// run.build runs its commands in the example's folder with ${BUILD} and
// their env expanded, run.program then runs what they built with run.args
// expanded, and the output starts with the commands as written.
func TestBuildAndProgram(t *testing.T) {
	sp, err := spec.ParseBytes("verify.yaml", []byte(`run:
  build:
    - cmd: [sh, -c, 'printf "#!/bin/sh\necho $GREETING from \$(pwd) \$1\n" > "$OUT/hello" && chmod +x "$OUT/hello"']
      env: {GREETING: hello, OUT: '${BUILD}'}
  program: ${BUILD}/hello
  args: ['${BUILD}/x']
`))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ex := Example{ID: "fixture", Dir: dir}
	run := buildAndExecute(context.Background(), ex, sp, filepath.Join(t.TempDir(), "main"), os.Environ())
	if run.err != nil || run.exitCode != 0 {
		t.Fatalf("err %v, exit %d, output:\n%s", run.err, run.exitCode, run.output)
	}
	lines := strings.Split(strings.TrimSpace(string(run.output)), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got:\n%s", run.output)
	}
	if want := `verify: run.build: GREETING=hello OUT=${BUILD} sh -c`; !strings.HasPrefix(lines[0], want) {
		t.Errorf("first line %q, want it to start with %q", lines[0], want)
	}
	if want := "hello from " + dir + " "; !strings.HasPrefix(lines[1], want) || !strings.HasSuffix(lines[1], "/x") || strings.Contains(lines[1], "${BUILD}") {
		t.Errorf("program printed %q, want %q followed by the expanded ${BUILD}/x", lines[1], want)
	}
}

// A failing command fails the case before the program, naming the line of
// verify.yaml and showing what the command printed; a missing one says to
// install it.
func TestBuildFails(t *testing.T) {
	sp, err := spec.ParseBytes("examples/x/verify.yaml", []byte(`run:
  build:
    - cmd: [sh, -c, 'echo broken >&2; exit 3']
---
case: missing
run:
  build:
    - cmd: [no-such-compiler-here, x.c]
`))
	if err != nil {
		t.Fatal(err)
	}
	ex := Example{ID: "x", Dir: t.TempDir()}
	for sp, want := range map[*spec.Spec]string{
		sp:          "examples/x/verify.yaml:3: run.build[0]: sh -c echo broken >&2; exit 3 in examples/x: exit status 3\nbroken",
		sp.Cases[0]: "examples/x/verify.yaml:8: run.build[0]: no-such-compiler-here is not installed: install it",
	} {
		run := buildAndExecute(context.Background(), ex, sp, filepath.Join(t.TempDir(), "main"), os.Environ())
		if run.err == nil || !strings.HasPrefix(run.err.Error(), want) {
			t.Errorf("err = %v, want it to start with %q", run.err, want)
		}
		if run.exitCode != -1 {
			t.Errorf("exit code %d, want -1: the program must not run", run.exitCode)
		}
	}
}
