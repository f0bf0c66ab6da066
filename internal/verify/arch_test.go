package verify

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// Verify run.arch against a real program (testdata/alongside's main
// package): it is built for linux/arm, its sizes are printed, and it runs
// under qemu-arm-static with its peak memory printed; without the emulator
// in PATH the case fails with a message saying what to install.
func TestArch(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-builds a program")
	}
	if runtime.GOARCH == "arm" || runtime.GOOS != "linux" {
		t.Skip("needs a Linux host that is not arm")
	}
	dir, err := filepath.Abs("testdata/alongside")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := spec.ParseBytes("verify.yaml", []byte("run:\n  arch: arm\n  sizes: [./side]\n"))
	if err != nil {
		t.Fatal(err)
	}
	ex := Example{ID: "fixture", Dir: dir}
	bin := filepath.Join(t.TempDir(), "main")

	t.Run("no emulator", func(t *testing.T) {
		gobin, err := exec.LookPath("go")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath(filepath.Join(filepath.Dir(gobin), "qemu-arm-static")); err == nil {
			t.Skip("go and qemu-arm-static share a folder: cannot hide the emulator")
		}
		t.Setenv("PATH", filepath.Dir(gobin))
		r := executeArch(context.Background(), ex, sp, bin, nil)
		want := "verify.yaml:1: run.arch arm: qemu-arm-static is not installed, so the linux/arm (GOARM=7) build cannot run here: install Debian's qemu-user-static"
		if r.err == nil || !strings.Contains(r.err.Error(), want) {
			t.Fatalf("error %v, want it to contain %q", r.err, want)
		}
	})
	t.Run("under qemu", func(t *testing.T) {
		if _, err := exec.LookPath("qemu-arm-static"); err != nil {
			t.Skip("qemu-arm-static is not installed (make qemu)")
		}
		r := executeArch(context.Background(), ex, sp, bin, []string{"PATH=/usr/bin:/bin"})
		if r.err != nil || r.exitCode != 0 {
			t.Fatalf("exit %d, error %v\n%s", r.exitCode, r.err, r.output)
		}
		out := string(r.output)
		for _, w := range []string{"verify: built for linux/arm (GOARM=7)", "verify: size of .  ", "verify: size of ./side", "verify: running under qemu-arm-static", "main ran", "verify: peak resident memory"} {
			if !strings.Contains(out, w) {
				t.Errorf("output lacks %q:\n%s", w, out)
			}
		}
		if r.maxRSS <= 0 {
			t.Errorf("maxRSS %d, want the peak memory of the run", r.maxRSS)
		}
		// The binary is an ARM one: run directly on this host (without
		// binfmt_misc for qemu-arm), it fails.
		if _, err := os.Stat("/proc/sys/fs/binfmt_misc/qemu-arm"); err == nil {
			return
		}
		if err := exec.Command(bin + "-arm").Run(); err == nil {
			t.Errorf("%s-arm ran without the emulator: not an arm build?", bin)
		}
	})
}
