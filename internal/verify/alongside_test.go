package verify

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// Verify the run.alongside flow against real programs (testdata/alongside,
// a module with a main program and a second one in ./side): the second is
// built, started and found ready before the main program runs, stopped
// with SIGINT after it, its output follows the main program's, and each way
// of misbehaving fails with a message that says what to do.
func TestAlongside(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two programs")
	}
	dir, err := filepath.Abs("testdata/alongside")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "main")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Env = dir, append(build.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		name         string
		side         string // the side's lines of run.alongside
		wantOutput   []string
		wantErr      string // in r.err; "" for none
		wantFailures []string
	}{{
		name: "ok",
		side: "ready: {pattern: 'ready side-1'}\n      env: {SIDE_NAME: side-1}\n      stop_when: {pattern: ready}",
		wantOutput: []string{"main ran", "verify: output of ./side:", "ready side-1", "verify: ./side is ready",
			"verify: sent SIGINT to ./side", "stopping"},
	}, {
		name:       "exits before it is ready",
		side:       "args: [early]\n      ready: {pattern: ready}",
		wantOutput: []string{"verify: output of ./side:", "giving up"},
		wantErr:    `./side exited (status 3) before its output matched ready ~/ready/ (run.alongside[0] in verify.yaml:4)`,
	}, {
		name:       "never ready",
		side:       "ready: {pattern: never}",
		wantErr:    `./side: its output did not match ready ~/never/ within run.timeout of 1s (run.alongside[0] in verify.yaml:4)`,
		wantOutput: []string{"ready"},
	}, {
		name:         "fails on the signal",
		side:         "args: [fail]\n      ready: {pattern: ready}",
		wantOutput:   []string{"main ran", "stopping"},
		wantFailures: []string{"./side exited with status 2, want 0 (run.alongside[0] in verify.yaml:4)"},
	}, {
		name:         "stop_when never matches, then ignores the signal",
		side:         "args: [ignore]\n      ready: {pattern: ready}\n      stop_when: {pattern: handled}",
		wantOutput:   []string{"main ran", "verify: sent SIGINT to ./side"},
		wantFailures: []string{`./side: its output did not match stop_when ~/handled/ within run.timeout of 1s`, "./side did not exit within run.timeout of 1s after verify sent SIGINT (run.alongside[0] in verify.yaml:4): it must stop on that signal"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yaml := "run:\n  timeout: 1s\n  alongside:\n    - package: ./side\n      " + tt.side + "\n"
			sp, err := spec.ParseBytes("verify.yaml", []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			r := executeAlongside(context.Background(), Example{ID: "fixture", Dir: dir}, sp, bin, []string{"PATH=/usr/bin:/bin"})
			out := string(r.output)
			switch {
			case tt.wantErr == "" && r.err != nil:
				t.Fatalf("error: %v\noutput:\n%s", r.err, out)
			case tt.wantErr != "" && (r.err == nil || !strings.Contains(r.err.Error(), tt.wantErr)):
				t.Fatalf("error: %v, want it to contain %q\noutput:\n%s", r.err, tt.wantErr, out)
			}
			rest := out
			for _, w := range tt.wantOutput {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (after the lines before it):\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			if len(r.requestFailures) != len(tt.wantFailures) {
				t.Fatalf("failures %q, want %d", r.requestFailures, len(tt.wantFailures))
			}
			for i, w := range tt.wantFailures {
				if !strings.Contains(r.requestFailures[i], w) {
					t.Errorf("failure %d:\n got %s\nwant it to contain %s", i, r.requestFailures[i], w)
				}
			}
		})
	}
}
