package collector

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"oteldocs.dev/testcontainers/images"
)

// CoreVersion is the version of the Collector core modules
// (go.opentelemetry.io/collector/otelcol and friends) that the image built by
// Image is compiled from. It is also the version the binary reports.
const CoreVersion = "0.161.0"

// ImageRef is the local reference of the image built by Image.
const ImageRef = "oteldocs/otelcol:" + CoreVersion

// EnvImage names the variable that selects an upstream image instead of the
// one built here, e.g. otel/opentelemetry-collector-contrib:0.161.0.
const EnvImage = "OTELDOCS_COLLECTOR_IMAGE"

// goBuildArgs compile the static binary; they are part of the recipe hash.
var goBuildArgs = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o"}

// Image returns the recipe of the Collector image: the distribution in the
// otelcol folder next to this file, compiled on the host into a static binary
// and copied into a FROM scratch image. Pass it to images.Ensure:
//
//	ref, err := images.Ensure(ctx, collector.Image(), os.Stderr)
//
// The recipe hash covers the otelcol folder (sources, go.mod, go.sum,
// Dockerfile), the Go version and target, and the build flags. Image locates
// the folder from this source file, so it works from a checkout of the
// repository (tests, go run, or a binary run inside the repository).
func Image() images.Recipe {
	dir := sourceDir()
	goVersion, goArch := goEnv(dir)
	return images.Recipe{
		Ref: ImageRef,
		Dir: dir,
		Extra: map[string]string{
			"go":     goVersion,
			"target": "linux/" + goArch,
			"build":  "CGO_ENABLED=0 GOWORK=off go " + strings.Join(goBuildArgs, " "),
		},
		EnvOverride: EnvImage,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return buildImage(ctx, dir, goArch, labels, log)
		},
	}
}

// sourceDir returns the otelcol folder: next to this source file, or, in a
// binary built with -trimpath, where the go command finds this package.
func sourceDir() string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "otelcol")
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "oteldocs.dev/testcontainers/collector").Output()
	if err != nil {
		return dir // Hash reports the missing folder
	}
	return filepath.Join(strings.TrimSpace(string(out)), "otelcol")
}

// goEnv returns the version and architecture of the Go toolchain that builds
// in dir, falling back to the running program's.
func goEnv(dir string) (version, arch string) {
	cmd := exec.Command("go", "env", "GOVERSION", "GOARCH")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if f := strings.Fields(string(out)); err == nil && len(f) == 2 {
		return f[0], f[1]
	}
	return runtime.Version(), runtime.GOARCH
}

// buildImage compiles the binary into a temporary build context, adds the
// Dockerfile and runs docker build.
func buildImage(ctx context.Context, dir, goArch string, labels map[string]string, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "otelcol-image-")
	if err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	defer os.RemoveAll(tmp)

	fmt.Fprintf(log, "images: compiling the Collector in %s\n", dir)
	args := append(append([]string(nil), goBuildArgs...), filepath.Join(tmp, "otelcol"), ".")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOWORK=off", "GOOS=linux", "GOARCH="+goArch)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build in %s: %w", dir, err)
	}
	dockerfile, err := os.ReadFile(filepath.Join(dir, "Dockerfile"))
	if err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "Dockerfile"), dockerfile, 0o644); err != nil {
		return fmt.Errorf("build context: %w", err)
	}

	dargs := []string{"build"}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dargs = append(dargs, "--label", k+"="+labels[k])
	}
	dargs = append(dargs, "-t", ImageRef, tmp)
	out, err := images.Docker(ctx, log, dargs...)
	fmt.Fprint(log, out)
	return err
}
