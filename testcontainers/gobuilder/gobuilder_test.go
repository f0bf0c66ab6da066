package gobuilder_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/testcontainers/gobuilder"
	"oteldocs.dev/testcontainers/images"
	"oteldocs.dev/testcontainers/images/imagestest"
)

// The builder image builds, is found up to date the second time, and
// compiles a static program with a multi-stage Dockerfile written as the
// examples write theirs (exec-form RUN, FROM scratch at the end), whose
// image then runs.
func TestBuilderImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("builds images: set OTELDOCS_INTEGRATION=1 (make integration does)")
	}
	ctx := context.Background()
	ref := imagestest.Ensure(ctx, t, gobuilder.Image())

	want, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	got, err := images.Docker(ctx, nil, "run", "--rm", ref, "go", "env", "GOVERSION")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(got) != strings.TrimSpace(string(want)) {
		t.Errorf("go env GOVERSION in %s = %q, want the host's %q", ref, got, want)
	}

	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module hello\n\ngo 1.26.0\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello from scratch\") }\n",
		"Dockerfile": "ARG GO_IMAGE=golang:1.26\nFROM ${GO_IMAGE} AS build\nWORKDIR /src\nENV CGO_ENABLED=0\n" +
			"COPY go.mod main.go ./\nRUN [\"go\", \"build\", \"-o\", \"/out/hello\", \".\"]\n" +
			"FROM scratch\nCOPY --from=build /out/hello /hello\nENTRYPOINT [\"/hello\"]\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tag := "oteldocs/gobuilder-test:latest"
	if _, err := images.Docker(ctx, nil, "build", "--build-arg", "GO_IMAGE="+ref, "-t", tag, dir); err != nil {
		t.Fatal(err)
	}
	defer images.Docker(context.Background(), nil, "rmi", tag)
	out, err := images.Docker(ctx, nil, "run", "--rm", tag)
	if err != nil || strings.TrimSpace(out) != "hello from scratch" {
		t.Errorf("docker run %s = %q, %v; want hello from scratch", tag, out, err)
	}
}
