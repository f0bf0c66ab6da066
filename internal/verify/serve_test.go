package verify

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// Verify the run.serve flow against a real server program (testdata/
// servefixture, built here): verify finds it ready, its requests arrive in
// order with their method, headers and body, the signal is sent, and each
// way of misbehaving fails with a message that says what to do.
func TestServeAndStop(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a server")
	}
	bin := filepath.Join(t.TempDir(), "servefixture")
	if out, err := exec.Command("go", "build", "-o", bin, "./testdata/servefixture").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		name         string
		yaml         string
		wantOutput   []string // in this order among the program's lines, or verify's
		wantErr      string   // in r.err; "" for none
		wantFailures []string // each the start of one request failure, in order
		wantExit     int
	}{{
		name: "ok",
		yaml: `run:
  serve:
    requests:
      - path: /a?q=1
      - method: POST
        path: /b
        headers: {X-Test: yes}
        body: hello
        status: 200
`,
		wantOutput: []string{`got GET /a?q=1 header="" body=""`, `got POST /b header="yes" body="hello"`, "stopping on interrupt", "flushed",
			"verify: GET /a?q=1: 200 OK", "verify: POST /b: 200 OK", "verify: sent SIGINT"},
	}, {
		name: "show body",
		yaml: `run:
  serve:
    requests:
      - path: /body
        show_body: true
      - path: /a
`,
		wantOutput: []string{"verify: GET /body: 200 OK", "metric_a 1", "metric_b 2", "verify: GET /a: 200 OK"},
	}, {
		name: "sigterm and ready path",
		yaml: `run:
  serve: {ready: /ready, signal: SIGTERM, requests: [{path: /x}]}
`,
		wantOutput: []string{"got GET /ready", "got GET /x", "stopping on terminated", "flushed", "verify: GET /x: 200 OK", "verify: sent SIGTERM"},
	}, {
		name: "wrong status",
		yaml: `run:
  serve:
    requests:
      - path: /status/404
      - path: /status/201
        status: 201
      - path: /status/500
        status: 404
`,
		wantOutput: []string{"verify: GET /status/404: 404 Not Found", "verify: GET /status/500: 500 Internal Server Error", "flushed"},
		wantFailures: []string{
			"verify.yaml:4: run.serve.requests[0]: GET /status/404: want status 200, got 404 Not Found",
			"verify.yaml:7: run.serve.requests[2]: GET /status/500: want status 404, got 500 Internal Server Error",
		},
	}, {
		name: "in flight",
		yaml: `run:
  serve:
    signal: SIGTERM
    requests:
      - path: /slow
        in_flight: true
      - path: /x
`,
		wantOutput: []string{"got GET /slow", "stopping on terminated", "answered /slow", "flushed",
			"verify: GET /slow: sent, in flight", "verify: GET /x: 200 OK", "verify: sent SIGTERM", "verify: GET /slow: 200 OK"},
	}, {
		name: "in flight, dropped by Close",
		yaml: `run:
  env: {FIXTURE_MODE: close}
  serve:
    signal: SIGTERM
    requests:
      - path: /slow
        in_flight: true
      - path: /x
`,
		wantOutput:   []string{"got GET /slow", "stopping on terminated", "cancelled /slow", "verify: sent SIGTERM"},
		wantFailures: []string{"verify.yaml:6: run.serve.requests[0]: GET /slow: Get \"http://127.0.0.1:"},
	}, {
		name: "ignores the signal",
		yaml: `run:
  timeout: 2s
  env: {FIXTURE_MODE: ignore}
  serve: {requests: [{path: /x}]}
`,
		wantOutput: []string{"verify: sent SIGINT"},
		wantErr:    "did not exit within run.timeout of 2s after verify sent SIGINT (run.serve in verify.yaml:4): a server must stop on that signal and flush its telemetry",
		wantExit:   -1,
	}, {
		name: "no signal handler",
		yaml: `run:
  env: {FIXTURE_MODE: nohandler}
  serve: {}
`,
		wantErr:  "the program was killed by SIGINT: it does not handle the signal (signal.NotifyContext), so it cannot flush its telemetry (run.serve in verify.yaml:3)",
		wantExit: -1,
	}, {
		name: "exits before it listens",
		yaml: `run:
  env: {FIXTURE_MODE: exit}
  serve: {}
`,
		wantOutput: []string{"giving up"},
		wantErr:    "the program exited (status 3) before it answered on ADDR=127.0.0.1:",
		wantExit:   3,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := spec.ParseBytes("verify.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			env := []string{"PATH=/usr/bin:/bin"}
			for k, v := range sp.Run.Env {
				env = append(env, k+"="+v)
			}
			r := serveAndStop(context.Background(), Example{ID: "fixture", Dir: t.TempDir()}, sp, bin, env)
			out := string(r.output)
			switch {
			case tt.wantErr == "" && r.err != nil:
				t.Fatalf("error: %v\noutput:\n%s", r.err, out)
			case tt.wantErr != "" && (r.err == nil || !strings.Contains(r.err.Error(), tt.wantErr)):
				t.Fatalf("error: %v, want it to contain %q\noutput:\n%s", r.err, tt.wantErr, out)
			}
			if r.exitCode != tt.wantExit {
				t.Errorf("exit code %d, want %d", r.exitCode, tt.wantExit)
			}
			// verify's lines and the program's arrive through different
			// routes: each keeps its own order, not the other's.
			var prog, own strings.Builder
			for _, l := range strings.SplitAfter(out, "\n") {
				if strings.HasPrefix(l, "verify: ") {
					own.WriteString(l)
				} else {
					prog.WriteString(l)
				}
			}
			rests := map[bool]string{true: own.String(), false: prog.String()}
			for _, w := range tt.wantOutput {
				mine := strings.HasPrefix(w, "verify: ")
				i := strings.Index(rests[mine], w)
				if i < 0 {
					t.Fatalf("output lacks %q (after the lines before it):\n%s", w, out)
				}
				rests[mine] = rests[mine][i+len(w):]
			}
			if len(r.requestFailures) != len(tt.wantFailures) {
				t.Fatalf("request failures %q, want %q", r.requestFailures, tt.wantFailures)
			}
			for i, w := range tt.wantFailures {
				if !strings.HasPrefix(r.requestFailures[i], w) {
					t.Errorf("request failure %d:\n got %s\nwant %s", i, r.requestFailures[i], w)
				}
			}
		})
	}
}
