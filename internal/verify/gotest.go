package verify

import (
	"context"
	"fmt"
	"os"
	"strings"

	"oteldocs.dev/internal/spec"
)

// executeTest runs a case with run.test: it builds the tests of the
// example's root package with go test -c (GOWORK=off, like the program)
// and runs the test binary with run.args in the example's folder, as go test
// does. A failing test exits 1, which fails the case unless run.exit_code
// says 1. A case without run.test is run by execute.
func executeTest(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) ranCase {
	if !sp.Run.Test {
		return execute(ctx, ex, sp, bin, env)
	}
	testBin := bin + ".test"
	if out, err := goCmd(ctx, ex, nil, "test", "-c", "-o", testBin, ".").CombinedOutput(); err != nil {
		return ranCase{exitCode: -1, err: fmt.Errorf("%s:%d: run.test: go test -c in %s: %v\n%s",
			sp.Path, sp.Line, relDir(ex), err, strings.TrimSpace(string(out)))}
	}
	if _, err := os.Stat(testBin); err != nil {
		return ranCase{exitCode: -1, err: fmt.Errorf("%s:%d: run.test: the root package of %s has no _test.go file: add one, or remove run.test", sp.Path, sp.Line, relDir(ex))}
	}
	r := execute(ctx, ex, sp, testBin, env)
	r.output = append([]byte(fmt.Sprintf("verify: go test -c . in %s, running the test binary\n", relDir(ex))), r.output...)
	return r
}
