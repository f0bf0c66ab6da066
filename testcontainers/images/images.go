// Package images builds the container images that verify starts, here, from
// recipes kept in this repository: no registry is needed.
//
// A recipe is a set of files plus a build function. The files come from an
// fs.FS, normally one embedded in the program (go:embed), so a binary built
// anywhere carries its recipes and finds them from any working directory;
// nothing is read from the source tree at run time. The image is tagged with
// Recipe.Ref and labelled with a sha256 over the recipe's files and extra
// inputs (LabelRecipe). Ensure rebuilds only when no local image carries the
// current hash, so a second `make images` with nothing changed does nothing.
//
// Each recipe names an environment variable (Recipe.EnvOverride) that selects
// an upstream image instead, for machines that can pull one, for example
// OTELDOCS_POSTGRES_IMAGE=postgres:17.
package images

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// LabelRecipe is the image label that holds the recipe hash.
const LabelRecipe = "dev.oteldocs.recipe"

// Recipe describes one image built here.
type Recipe struct {
	// Ref is the local image reference, e.g. "oteldocs/postgres:15".
	Ref string
	// Files holds the recipe's files, usually an embedded folder (fs.Sub of
	// an embed.FS); every regular file in it is hashed under its path in
	// Files, so the hash does not depend on where the checkout is.
	Files fs.FS
	// Extra inputs that change the result without being files, e.g. the Go
	// version used to compile a binary. Hashed as "key value" lines.
	Extra map[string]string
	// EnvOverride names the variable that, when set, replaces Ref with an
	// upstream image that is used as it is.
	EnvOverride string
	// Build builds the image, tagged Ref, with labels (which include
	// LabelRecipe) applied. It runs only when the hash changed.
	Build func(ctx context.Context, labels map[string]string, log io.Writer) error
}

// Hash returns the recipe hash: sha256 over labelled lines, one per file
// ("file <path> <sha256>") and one per extra input ("extra <key> <value>").
func (r Recipe) Hash() (string, error) {
	var lines []string
	if r.Files == nil {
		return "", fmt.Errorf("hash recipe %s: the recipe has no Files", r.Ref)
	}
	err := fs.WalkDir(r.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := fs.ReadFile(r.Files, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		lines = append(lines, "file "+path+" "+hex.EncodeToString(sum[:]))
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hash recipe %s: %w", r.Ref, err)
	}
	for k, v := range r.Extra {
		lines = append(lines, "extra "+k+" "+v)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte("recipe v1\n" + strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:]), nil
}

// Ensure returns the image reference to start: the override if its variable
// is set, otherwise Ref, built first if no local image has the current hash.
func Ensure(ctx context.Context, r Recipe, log io.Writer) (string, error) {
	if r.EnvOverride != "" {
		if v := os.Getenv(r.EnvOverride); v != "" {
			fmt.Fprintf(log, "images: %s=%s: using the upstream image\n", r.EnvOverride, v)
			return v, nil
		}
	}
	hash, err := r.Hash()
	if err != nil {
		return "", err
	}
	// One build of an image at a time on this machine, even across
	// processes (two verify runs at once).
	unlock, err := lockFile(filepath.Join(os.TempDir(), "oteldocs-image-"+strings.NewReplacer("/", "_", ":", "_").Replace(r.Ref)+".lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if cur, _ := labelOf(ctx, r.Ref, LabelRecipe); cur == hash {
		fmt.Fprintf(log, "images: %s is up to date (recipe %s)\n", r.Ref, hash[:12])
		return r.Ref, nil
	}
	fmt.Fprintf(log, "images: building %s (recipe %s)\n", r.Ref, hash[:12])
	if err := r.Build(ctx, map[string]string{LabelRecipe: hash}, log); err != nil {
		return "", fmt.Errorf("build image %s: %w", r.Ref, err)
	}
	if cur, err := labelOf(ctx, r.Ref, LabelRecipe); err != nil || cur != hash {
		return "", fmt.Errorf("build image %s: the built image has recipe label %q, want %q (%v)", r.Ref, cur, hash, err)
	}
	return r.Ref, nil
}

// lockFile takes an exclusive lock on path, waiting for it.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// labelOf returns the value of label on the local image ref.
func labelOf(ctx context.Context, ref, label string) (string, error) {
	out, err := Docker(ctx, nil, "image", "inspect", "--format", fmt.Sprintf("{{index .Config.Labels %q}}", label), ref)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// Build runs `docker build` on the context folder dir, tagging the image ref
// and labelling it with labels (which include LabelRecipe), and copies
// docker's output to log. It is meant for a Recipe.Build that has written
// its context folder.
func Build(ctx context.Context, log io.Writer, ref, dir string, labels map[string]string) error {
	args := []string{"build"}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		args = append(args, "--label", k+"="+labels[k])
	}
	out, err := Docker(ctx, log, append(args, "-t", ref, dir)...)
	if log != nil {
		fmt.Fprint(log, out)
	}
	return err
}

// Docker runs the docker CLI and returns its standard output. Standard error
// is copied to log (when not nil) and included in the error.
func Docker(ctx context.Context, log io.Writer, args ...string) (string, error) {
	return Run(ctx, log, "docker", args...)
}

// Run runs a command, returning its standard output; the error carries the
// tail of standard error.
func Run(ctx context.Context, log io.Writer, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if log != nil {
		cmd.Stderr = io.MultiWriter(&stderr, log)
	}
	if err := cmd.Run(); err != nil {
		tail := stderr.String()
		if len(tail) > 2000 {
			tail = "..." + tail[len(tail)-2000:]
		}
		return stdout.String(), fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail)
	}
	return stdout.String(), nil
}
