package collector

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
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

// stored is the Collector distribution, a Go module of its own, compiled
// into the program. The go command neither embeds a folder holding a go.mod
// (it belongs to another module) nor compiles a folder whose name starts
// with "_", so the module is kept in _otelcol with go.mod and go.sum stored
// as go.mod.txt and go.sum.txt; Distribution gives them their real names
// back.
//
//go:embed _otelcol
var stored embed.FS

// storedAs maps the distribution's files to the names they are stored under.
var storedAs = map[string]string{"go.mod": "go.mod.txt", "go.sum": "go.sum.txt"}

// Distribution returns the files of the Collector distribution as the go
// command expects them: go.mod, go.sum, main.go and the Dockerfile of the
// image. They are embedded in the program, so a binary built anywhere can
// build the image.
//
// To change the distribution, edit _otelcol and then run `make otelcol-tidy`,
// which writes the module into a temporary folder, runs `go mod tidy` there
// and copies go.mod and go.sum back. The integration test checks that the
// module is tidy.
func Distribution() fs.FS {
	sub, err := fs.Sub(stored, "_otelcol")
	if err != nil {
		panic(err) // "_otelcol" is a valid path; fs.Sub fails only on invalid ones
	}
	return distFS{sub}
}

// WriteDistribution writes the files of Distribution into dir, which must
// not hold any of them yet; it is created if needed.
func WriteDistribution(dir string) error {
	if err := os.CopyFS(dir, Distribution()); err != nil {
		return fmt.Errorf("write the Collector distribution to %s: %w", dir, err)
	}
	return nil
}

// Image returns the recipe of the Collector image: the distribution
// (Distribution), compiled on the host into a static binary and copied into a
// FROM scratch image. Pass it to images.Ensure:
//
//	ref, err := images.Ensure(ctx, collector.Image(), os.Stderr)
//
// The recipe hash covers the distribution's files (sources, go.mod, go.sum,
// Dockerfile) under their real names, the Go version and target, and the
// build flags.
func Image() images.Recipe {
	goVersion, goArch := goEnv()
	return images.Recipe{
		Ref:   ImageRef,
		Files: Distribution(),
		Extra: map[string]string{
			"go":     goVersion,
			"target": "linux/" + goArch,
			"build":  "CGO_ENABLED=0 GOWORK=off go " + strings.Join(goBuildArgs, " "),
		},
		EnvOverride: EnvImage,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return buildImage(ctx, ImageRef, goArch, labels, log)
		},
	}
}

// goEnv returns the version and architecture of the Go toolchain that builds
// the distribution (its go.mod may select a newer toolchain), falling back to
// the running program's.
func goEnv() (version, arch string) {
	version, arch = runtime.Version(), runtime.GOARCH
	tmp, err := os.MkdirTemp("", "otelcol-goenv-")
	if err != nil {
		return version, arch
	}
	defer os.RemoveAll(tmp)
	if WriteDistribution(tmp) != nil {
		return version, arch
	}
	cmd := exec.Command("go", "env", "GOVERSION", "GOARCH")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if f := strings.Fields(string(out)); err == nil && len(f) == 2 {
		return f[0], f[1]
	}
	return version, arch
}

// buildImage writes the distribution into a temporary folder, compiles the
// binary into a build context beside it, adds the Dockerfile and runs docker
// build, tagging the image ref.
func buildImage(ctx context.Context, ref, goArch string, labels map[string]string, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "otelcol-image-")
	if err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	defer os.RemoveAll(tmp)
	src, bctx := filepath.Join(tmp, "src"), filepath.Join(tmp, "context")
	if err := WriteDistribution(src); err != nil {
		return err
	}
	if err := os.Mkdir(bctx, 0o755); err != nil {
		return fmt.Errorf("build context: %w", err)
	}

	fmt.Fprintf(log, "images: compiling the Collector in %s\n", src)
	args := append(append([]string(nil), goBuildArgs...), filepath.Join(bctx, "otelcol"), ".")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOWORK=off", "GOOS=linux", "GOARCH="+goArch)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build in %s: %w", src, err)
	}
	if err := os.Rename(filepath.Join(src, "Dockerfile"), filepath.Join(bctx, "Dockerfile")); err != nil {
		return fmt.Errorf("build context: %w", err)
	}

	return images.Build(ctx, log, ref, bctx, labels)
}

// distFS shows the stored distribution under the names in storedAs.
type distFS struct{ fsys fs.FS }

func (d distFS) Open(name string) (fs.File, error) {
	if s, ok := storedAs[name]; ok {
		return d.fsys.Open(s)
	}
	for _, s := range storedAs {
		if name == s { // only under its real name
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
	}
	return d.fsys.Open(name)
}

func (d distFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(d.fsys, name)
	for i, e := range entries {
		for real, s := range storedAs {
			if path.Join(name, e.Name()) == s {
				entries[i] = renamed{e, real}
			}
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// renamed is a directory entry shown under another name.
type renamed struct {
	fs.DirEntry
	name string
}

func (r renamed) Name() string { return r.name }
