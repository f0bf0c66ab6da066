// Package gobuilder makes a local image that stands in for golang:<version>
// in the examples' multi-stage Dockerfiles: the host's Go toolchain in a
// FROM scratch image. No registry is needed, so verify can build an
// example's Dockerfile here by passing the image as a build argument:
//
//	ref, err := images.Ensure(ctx, gobuilder.Image(), os.Stderr)
//	// docker build --build-arg GO_IMAGE=<ref> ...
//
// The image has no shell: RUN instructions must use the exec form.
package gobuilder

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"oteldocs.dev/testcontainers/images"
)

// EnvImage names the variable that selects an upstream image instead, e.g.
// golang:1.26 on a machine that can pull it.
const EnvImage = "OTELDOCS_GO_IMAGE"

// caFile is where Debian (and the golang images) keep the CA bundle; the
// examples' final stages copy it from the builder.
const caFile = "etc/ssl/certs/ca-certificates.crt"

//go:embed image
var recipe embed.FS

// Image returns the recipe of the builder image, tagged with the host's Go
// version. Its hash covers the Dockerfile, the Go version and GOROOT.
func Image() images.Recipe {
	files := images.RecipeFolder(recipe, "image")
	version, goroot := goEnv()
	ref := "oteldocs/gobuilder:" + strings.TrimPrefix(version, "go")
	return images.Recipe{
		Ref:         ref,
		Files:       files,
		Extra:       map[string]string{"go": version, "goroot": goroot, "target": "linux/" + runtime.GOARCH},
		EnvOverride: EnvImage,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return build(ctx, ref, files, goroot, labels, log)
		},
	}
}

// goEnv returns the version and GOROOT of the go command on PATH, the one
// that builds the examples.
func goEnv() (version, goroot string) {
	out, err := exec.Command("go", "env", "GOVERSION", "GOROOT").Output()
	if f := strings.Fields(string(out)); err == nil && len(f) == 2 {
		return f[0], f[1]
	}
	return runtime.Version(), runtime.GOROOT()
}

// build writes the context (the Dockerfile and rootfs/) into a temporary
// folder and runs docker build.
func build(ctx context.Context, ref string, files fs.FS, goroot string, labels map[string]string, log io.Writer) error {
	tmp, err := os.MkdirTemp("", "oteldocs-gobuilder-")
	if err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, files); err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	rootfs := filepath.Join(tmp, "rootfs")
	fmt.Fprintf(log, "images: copying %s into the build context\n", goroot)
	// cp -a keeps modes and links; GOROOT's test folder is not needed to build.
	if err := os.MkdirAll(filepath.Join(rootfs, "usr/local"), 0o755); err != nil {
		return err
	}
	if _, err := images.Run(ctx, log, "cp", "-a", goroot, filepath.Join(rootfs, "usr/local/go")); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(rootfs, "usr/local/go/test")); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(rootfs, filepath.Dir(caFile)), 0o755); err != nil {
		return err
	}
	if _, err := images.Run(ctx, log, "cp", "-L", "/"+caFile, filepath.Join(rootfs, caFile)); err != nil {
		return fmt.Errorf("the host's CA certificates (apt-get install ca-certificates): %w", err)
	}
	if err := os.Mkdir(filepath.Join(rootfs, "tmp"), 0o755); err != nil {
		return err
	}
	if err := os.Chmod(filepath.Join(rootfs, "tmp"), 0o1777); err != nil {
		return err
	}
	return images.Build(ctx, log, ref, tmp, labels)
}
