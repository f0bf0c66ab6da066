package collector

import (
	"io/fs"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDistributionFiles checks that the embedded distribution shows the
// files the go command and docker build need, under their real names only.
func TestDistributionFiles(t *testing.T) {
	var got []string
	err := fs.WalkDir(Distribution(), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Dockerfile", "go.mod", "go.sum", "main.go"}; !slices.Equal(got, want) {
		t.Errorf("Distribution() files = %q, want %q", got, want)
	}
	if _, err := fs.Stat(Distribution(), "go.mod.txt"); err == nil {
		t.Error("Distribution() also shows go.mod.txt; it should only show go.mod")
	}
	b, err := fs.ReadFile(Distribution(), "go.mod")
	if err != nil || !strings.HasPrefix(string(b), "module oteldocs.dev/testcontainers/collector/otelcol\n") {
		t.Errorf("Distribution() go.mod starts %.60q (%v), want the module line", b, err)
	}
}

// TestDistributionTidy writes the distribution into a temporary folder and
// checks with `go mod tidy -diff` that go.mod and go.sum are tidy. It runs
// with the integration tests, which build the distribution anyway (the
// check needs every dependency's go.mod).
func TestDistributionTidy(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (downloads the Collector's dependencies)")
	}
	dir := t.TempDir()
	if err := WriteDistribution(dir); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "tidy", "-diff")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the embedded Collector distribution (_otelcol) is not tidy: run `make otelcol-tidy` and commit go.mod.txt and go.sum.txt (%v)\n%s", err, out)
	}
}
