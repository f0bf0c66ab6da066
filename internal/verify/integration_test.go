package verify_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/verify"
)

func needIntegration(t *testing.T) {
	t.Helper()
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("starts containers: set OTELDOCS_INTEGRATION=1 (make integration does)")
	}
}

// tcContainers counts the containers of one testcontainers session: this
// process's (testcontainers.SessionID()) or a child's given through
// TESTCONTAINERS_SESSION_ID. Containers of anything else on the host do not
// count.
func tcContainers(t *testing.T, session string) int {
	t.Helper()
	out, err := exec.Command("docker", "ps", "-aq", "--filter", "label=org.testcontainers.sessionId="+session).Output()
	if err != nil {
		t.Fatalf("docker ps: %v", err)
	}
	return len(strings.Fields(string(out)))
}

// Verify that deliberately broken examples fail, with messages that name
// the unmet expectation and show what arrived instead, and that no
// container is left behind.
func TestBrokenExamplesFail(t *testing.T) {
	needIntegration(t)
	session := testcontainers.SessionID()
	before := tcContainers(t, session)
	out := t.TempDir()
	var log bytes.Buffer
	failed, err := verify.Run(context.Background(), verify.Config{Root: "testdata/broken", Out: out, Log: &log})
	t.Logf("verify output:\n%s", log.String())
	if err != nil {
		t.Fatalf("verify.Run: %v", err)
	}
	if failed != 2 {
		t.Errorf("failed = %d, want 2", failed)
	}
	for _, want := range []string{
		"FAIL no-db-span",
		`examples/no-db-span/verify.yaml:9: spans[1] "query": no span matches`,
		`FAIL attributes.db.system.name`,
		`want "postgresql", got (absent)`,
		"FAIL wrong-route",
		`examples/wrong-route/verify.yaml:7: spans[0] "server": no span matches`,
		`FAIL attributes.http.route`,
		`want "/items/:id", got "/item/:id"`,
		"verify: 0 passed, 2 failed",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	res, err := results.Read(filepath.Join(out, results.FileName))
	if err != nil || res == nil {
		t.Fatalf("results.json: %v", err)
	}
	for _, id := range []string{"no-db-span", "wrong-route"} {
		r, ok := res.Lookup(id)
		if !ok || r.Status != results.StatusFail || r.Level != results.LevelRan || len(r.Failures) == 0 {
			t.Errorf("results for %s = %+v, want a failure at level ran", id, r)
		}
		if _, err := os.Stat(filepath.Join(out, id, "traces.json")); err != nil {
			t.Errorf("captured telemetry of %s: %v", id, err)
		}
	}
	if after := tcContainers(t, session); after != before {
		t.Errorf("containers before %d, after %d: verify left some behind", before, after)
	}
}

// Verify that Ctrl-C (SIGINT) during a run stops verify and removes every
// container it started.
func TestInterruptRemovesContainers(t *testing.T) {
	needIntegration(t)
	// The child's own session, so that only its containers are counted.
	session := fmt.Sprintf("oteldocs-interrupt-%d", time.Now().UnixNano())
	before := tcContainers(t, session)
	bin := filepath.Join(t.TempDir(), "verify")
	if out, err := exec.Command("go", "build", "-o", bin, "oteldocs.dev/cmd/verify").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-root", "testdata/broken", "-out", t.TempDir())
	cmd.Env = append(os.Environ(), "TESTCONTAINERS_SESSION_ID="+session)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the Collector is up: containers exist by then.
	ready := regexp.MustCompile(`collector .* ready`)
	deadline := time.Now().Add(3 * time.Minute)
	for !ready.MatchString(out.String()) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the collector did not come up:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := tcContainers(t, session); n <= before {
		t.Fatalf("no container running after %q", "collector ready")
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	t.Logf("verify output:\n%s", out.String())
	if err == nil {
		t.Errorf("verify exited 0 after an interrupt")
	}
	if after := tcContainers(t, session); after != before {
		t.Errorf("containers before %d, after %d: Ctrl-C left some behind", before, after)
	}
}

// Verify that a case with its own Collector (TLS, bearer token) passes with
// the right token, and that the wrong-token case passes by failing as its
// spec says: exit status 1, "Unauthenticated" printed, nothing arrived.
func TestCases(t *testing.T) {
	needIntegration(t)
	session := testcontainers.SessionID()
	before := tcContainers(t, session)
	out := t.TempDir()
	var log bytes.Buffer
	failed, err := verify.Run(context.Background(), verify.Config{Root: "testdata/cases", Out: out, Log: &log})
	t.Logf("verify output:\n%s", log.String())
	if err != nil || failed != 0 {
		t.Fatalf("verify.Run: failed %d, err %v", failed, err)
	}
	got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(results.CaseDir("auth", "wrong-token")), results.OutputFile))
	if err != nil || !strings.Contains(string(got), "Unauthenticated") {
		t.Errorf("wrong-token output = %q, %v", got, err)
	}
	if after := tcContainers(t, session); after != before {
		t.Errorf("containers before %d, after %d", before, after)
	}
}

// Verify that two verify runs at once in one output folder do not break
// each other: each has its own CA (the TLS case of testdata/cases runs in
// both), binaries and scratch files, outputs are swapped in whole, and
// results.json keeps what both wrote. Both runs verify every example, so
// they make their CAs and start their TLS Collectors at about the same
// time, and each program reads its CA file after both were written.
func TestTwoRunsAtOnce(t *testing.T) {
	needIntegration(t)
	session := testcontainers.SessionID()
	before := tcContainers(t, session)
	out := t.TempDir()
	const runs = 2
	logs := make([]syncBuffer, runs)
	failed := make([]int, runs)
	errs := make([]error, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() {
			failed[i], errs[i] = verify.Run(context.Background(), verify.Config{Root: "testdata/cases", Out: out, Log: &logs[i]})
		})
	}
	wg.Wait()
	for i := range runs {
		t.Logf("run %d:\n%s", i+1, logs[i].String())
		if errs[i] != nil || failed[i] != 0 {
			t.Errorf("run %d: failed %d, err %v", i+1, failed[i], errs[i])
		}
	}
	res, err := results.Read(filepath.Join(out, results.FileName))
	if err != nil || res == nil {
		t.Fatalf("results.json: %v", err)
	}
	for _, id := range []string{"auth", "mqtt"} {
		if r, ok := res.Lookup(id); !ok || r.Status != results.StatusPass {
			t.Errorf("results for %s = %+v, %v; want a pass", id, r, ok)
		}
		if _, err := os.Stat(filepath.Join(out, results.ExampleDir(id), results.OutputFile)); err != nil {
			t.Errorf("output of %s: %v", id, err)
		}
	}
	// Only results.json, its lock, the examples' folders and the empty
	// parent of the runs' folders are left.
	left, _ := filepath.Glob(filepath.Join(out, "*"))
	hidden, _ := filepath.Glob(filepath.Join(out, ".*"))
	runDirs, _ := filepath.Glob(filepath.Join(out, results.RunsDir, "*"))
	if len(hidden)+len(runDirs) > 0 || len(left) != 5 {
		t.Errorf("left in the output folder: %q %q %q; want auth, mqtt, results.json(.lock), runs/ (empty)", left, hidden, runDirs)
	}
	if after := tcContainers(t, session); after != before {
		t.Errorf("containers before %d, after %d", before, after)
	}
}
