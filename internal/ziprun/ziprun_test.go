package ziprun

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"oteldocs.dev/internal/docgen"
	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/services"
)

// TestQuickstartZipRuns unpacks downloads/quickstart.zip and follows its
// README step by step, with the local images in place of the public ones.
func TestQuickstartZipRuns(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") == "" {
		t.Skip("needs Docker: set OTELDOCS_INTEGRATION=1 (make integration)")
	}
	const id = "quickstart"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	site, err := docgen.Generate(docgen.Config{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	dir := unzip(t, site.Files["downloads/"+id+".zip"])
	folder := filepath.Join(dir, id)
	readme, err := os.ReadFile(filepath.Join(folder, "README.md"))
	if err != nil {
		t.Fatalf("the zip has no %s/README.md: %v", id, err)
	}
	steps := stepsOf(string(readme))
	t.Logf("README steps: %q", keys(steps))

	sp, err := spec.Parse(filepath.Join("../../examples", id, "verify.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	names := append([]string{"collector"}, sp.Needs...)
	refs, err := services.EnsureImages(ctx, names, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	start := steps["Start the Collector and the services"]
	var ports []string
	for _, s := range service.All() {
		if ref, ok := refs[s.Name]; ok {
			start = strings.ReplaceAll(start, " "+s.Reader.Image+" ", " "+ref+" ")
			start = strings.ReplaceAll(start, " "+s.Reader.Image+"\n", " "+ref+"\n")
			for i, a := range s.Reader.Args {
				if a == "-p" && i+1 < len(s.Reader.Args) {
					ports = append(ports, strings.Split(s.Reader.Args[i+1], ":")[0])
				}
			}
		}
	}

	cleanup := steps["Clean up"]
	if start == "" || cleanup == "" {
		t.Fatalf("README.md has no step to start the services or to clean up:\n%s", readme)
	}
	_ = shell(ctx, folder, cleanup).Run() // a container left by an interrupted run
	t.Cleanup(func() {
		if out, err := shell(context.Background(), folder, cleanup).CombinedOutput(); err != nil {
			t.Errorf("clean up: %v\n%s", err, out)
		}
	})
	if out, err := shell(ctx, folder, start).CombinedOutput(); err != nil {
		t.Fatalf("start the services: %v\n%s\n%s", err, start, out)
	}
	for _, p := range ports {
		waitTCP(t, ctx, "127.0.0.1:"+p, nil)
	}

	srv := runServer(t, ctx, folder, steps["Run the example"])
	if out, err := shell(ctx, folder, "set -e\n"+steps["Send it requests"]).CombinedOutput(); err != nil {
		t.Fatalf("step 3 (send requests): %v\n%s", err, out)
	}
	// Ctrl-C: SIGINT to the foreground process group.
	_ = syscall.Kill(-srv.pid, syscall.SIGINT)
	select {
	case <-srv.exited:
	case <-time.After(time.Minute):
		_ = syscall.Kill(-srv.pid, syscall.SIGKILL)
		<-srv.exited
	}
	// go run itself exits 1 after an interrupt even when the program
	// exits 0 (seen with go1.26: the program printed nothing more and
	// exited 0 when run as a built binary), so its status says nothing
	// here; the program's own log and what arrived do.
	t.Logf("step 2 (%v) output:\n%s", srv.err, srv.output)
	if !strings.Contains(srv.output.String(), "shutting down") {
		t.Fatalf("step 2: the example did not log its shutdown after Ctrl-C:\n%s", srv.output)
	}

	want := regexp.MustCompile("(?m)^- .* `([^`]+)`$").FindAllStringSubmatch(string(readme), -1)
	if len(want) == 0 {
		t.Fatalf("README.md says nothing about what arrives:\n%s", readme)
	}
	var logs []byte
	for deadline := time.Now().Add(30 * time.Second); ; {
		logs, _ = shell(ctx, folder, steps["See what arrived"]).CombinedOutput()
		missing := missingFrom(string(logs), want)
		if len(missing) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("step 4: the Collector did not print %q; it printed:\n%s", missing, tail(logs, 4000))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("the Collector printed all %d things the README names (%d bytes of debug output)", len(want), len(logs))
}

// stepsOf returns the sh block under each "## N. Title" heading, by title
// (Start..., Run the example, Send it requests, See what arrived, Clean up).
func stepsOf(readme string) map[string]string {
	out := map[string]string{}
	re := regexp.MustCompile("(?ms)^## \\d+\\. ([^\n]*)\n.*?```sh\n(.*?)```")
	for _, m := range re.FindAllStringSubmatch(readme, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// server is step 2 running: its process group, and its exit.
type server struct {
	pid    int
	output *bytes.Buffer
	exited chan struct{}
	err    error
}

// runServer starts step 2 in a process group of its own and waits until the
// address it was given answers. A database that still starts makes the
// example exit at once: it is started again, as a reader would.
func runServer(t *testing.T, ctx context.Context, folder, step string) *server {
	t.Helper()
	addr := regexp.MustCompile(`(?m)^export ADDR=(\S+)$`).FindStringSubmatch(step)
	if addr == nil {
		t.Fatalf("step 2 sets no ADDR:\n%s", step)
	}
	for attempt := 1; ; attempt++ {
		s := &server{output: &bytes.Buffer{}, exited: make(chan struct{})}
		cmd := shell(ctx, folder, step)
		cmd.Stdout, cmd.Stderr = s.output, s.output
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		s.pid = cmd.Process.Pid
		go func() { s.err = cmd.Wait(); close(s.exited) }()
		if waitTCP(t, ctx, addr[1], func() bool {
			select {
			case <-s.exited:
				return true
			default:
				return false
			}
		}) {
			return s
		}
		if attempt == 10 {
			t.Fatalf("step 2 (go run .) exited before listening, 10 times; last output:\n%s", s.output)
		}
		t.Logf("step 2 exited before listening (attempt %d), again in 2 s:\n%s", attempt, s.output)
		time.Sleep(2 * time.Second)
	}
}

// waitTCP waits until addr accepts a connection (true), or gaveUp says to
// stop (false). It fails the test after 3 minutes.
func waitTCP(t *testing.T, ctx context.Context, addr string, gaveUp func() bool) bool {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return true
		}
		if gaveUp != nil && gaveUp() {
			return false
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("%s did not answer within 3 minutes: %v", addr, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// shell runs a README block with bash in folder, in the test's environment
// without the variables the README sets itself.
func shell(ctx context.Context, folder, script string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "bash", "-c", script)
	cmd.Dir = folder
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "OTEL_") || service.GivesEnv(k) || k == "ADDR" || k == "GOWORK" {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

func missingFrom(logs string, want [][]string) []string {
	var missing []string
	for _, w := range want {
		if !strings.Contains(logs, w[1]) {
			missing = append(missing, w[1])
		}
	}
	return missing
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

func unzip(t *testing.T, data []byte) string {
	t.Helper()
	if data == nil {
		t.Fatal("the site has no such zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil { // the Collector runs as uid 10001
		t.Fatal(err)
	}
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(fmt.Errorf("%s: %w", p, err))
		}
	}
	return dir
}
