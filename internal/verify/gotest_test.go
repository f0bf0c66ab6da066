package verify

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// run.test builds the fixture's test binary and runs it: a passing test
// exits 0 with its PASS line, a broken one exits 1 with its message.
func TestRunTest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a test binary")
	}
	dir, err := filepath.Abs("testdata/gotest")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := spec.ParseBytes("verify.yaml", []byte("run:\n  test: true\n  args: [-test.v]\n"))
	if err != nil {
		t.Fatal(err)
	}
	ex := Example{ID: "fixture", Dir: dir}
	bin := filepath.Join(t.TempDir(), "main")
	path := "PATH=" + os.Getenv("PATH")
	for _, tc := range []struct {
		env  []string
		exit int
		want string
	}{
		{[]string{path}, 0, "--- PASS: TestDouble"},
		{[]string{path, "BREAK=1"}, 1, "Double(2) = 4, want 5"},
	} {
		r := executeArch(context.Background(), ex, sp, bin, tc.env)
		if r.err != nil || r.exitCode != tc.exit || !strings.Contains(string(r.output), tc.want) {
			t.Errorf("env %v: exit %d, error %v, want exit %d and %q in\n%s", tc.env, r.exitCode, r.err, tc.exit, tc.want, r.output)
		}
	}
}

func TestRunTestExcludes(t *testing.T) {
	_, err := spec.ParseBytes("verify.yaml", []byte("run:\n  test: true\n  arch: arm\n"))
	if err == nil || !strings.Contains(err.Error(), "run.test: runs the package's tests on their own") {
		t.Fatalf("error %v, want run.test to refuse run.arch", err)
	}
}
