package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/testcontainers/collector"
	"oteldocs.dev/testcontainers/images"
	"oteldocs.dev/testcontainers/mariadb"
	"oteldocs.dev/testcontainers/metadata"
	"oteldocs.dev/testcontainers/mosquitto"
	"oteldocs.dev/testcontainers/postgres"
	"oteldocs.dev/testcontainers/redis"
)

// TestBinaryCarriesRecipes builds the command with -trimpath (so no source
// path is recorded in it), moves the binary out of its build folder and runs
// `images -hash` from a folder outside the repository: the recipes must come
// from the binary, with the same hashes as in this process.
func TestBinaryCarriesRecipes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	built := filepath.Join(t.TempDir(), "images")
	build := exec.Command("go", "build", "-trimpath", "-o", built, ".")
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bin := filepath.Join(t.TempDir(), "images-copy")
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(built); err != nil {
		t.Fatal(err)
	}

	var want strings.Builder
	for _, r := range []struct {
		name   string
		recipe images.Recipe
	}{{"collector", collector.Image()}, {"postgres", postgres.Image()}, {"mqtt", mosquitto.Image()},
		{"mysql", mariadb.Image()}, {"redis", redis.Image()},
		{"gcp-metadata", metadata.Image()}, {"ec2-metadata", metadata.Image()}, {"ecs-metadata", metadata.Image()}, {"azure-metadata", metadata.Image()}, {"eks-api", metadata.Image()}, {"no-metadata", metadata.Image()}} {
		h, err := r.recipe.Hash()
		if err != nil {
			t.Fatal(err)
		}
		want.WriteString(r.name + " " + r.recipe.Ref + " " + h + "\n")
	}

	cmd := exec.Command(bin, "-hash")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("images -hash in %s: %v\n%s", cmd.Dir, err, out)
	}
	if string(out) != want.String() {
		t.Errorf("images -hash printed\n%s\nwant (the hashes of this process)\n%s", out, want.String())
	}

	help := exec.Command(bin, "-h")
	help.Dir = cmd.Dir
	if out, err := help.CombinedOutput(); err != nil || !strings.Contains(string(out), "-hash") {
		t.Errorf("images -h: %v\n%s", err, out)
	}
}

// TestUnknownImage checks the usage error.
func TestUnknownImage(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"-hash", "kafka"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `unknown image "kafka"`) {
		t.Errorf("run(-hash kafka) = %d, stderr %q", code, stderr.String())
	}
}

// cmd/images reads the service registry, not verify: building images must
// not pull in verify's code.
func TestNoVerifyImport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "oteldocs.dev/internal/verify" {
			t.Error("cmd/images imports internal/verify: use oteldocs.dev/testcontainers/services")
		}
	}
}
