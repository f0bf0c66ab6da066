package images

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Rootfs describes an image made from a Debian root file system: mmdebstrap
// writes a tar of it, `docker import` turns the tar into an image. This is
// how services come from Debian's packages without a registry.
type Rootfs struct {
	Ref  string // the image to make, e.g. "oteldocs/postgres:15"
	What string // for progress lines, e.g. "postgresql-15 (about 80 s)"
	// Mmdebstrap returns mmdebstrap's arguments for writing the tar to
	// tarPath; recipeDir is the folder holding a copy of the recipe's
	// files, for hooks that upload them into the rootfs.
	Mmdebstrap func(recipeDir, tarPath string) []string
	// Changes are `docker import --change` instructions (ENTRYPOINT, CMD,
	// ENV, EXPOSE, ...).
	Changes []string
	// Extra holds Dockerfile instructions that `docker import --change`
	// does not take on every engine (STOPSIGNAL on Docker 20.10). When set,
	// the tar is imported under a temporary tag and a two-step build adds
	// them; when empty the import is the whole build.
	Extra []string
}

// Build makes the image, labelled with labels, and removes the image it
// replaces. The files of files are first copied into a temporary folder,
// which Mmdebstrap's hooks read. Recipe sets it as Recipe.Build.
func (r Rootfs) Build(ctx context.Context, files fs.FS, labels map[string]string, log io.Writer) error {
	tmp, err := os.MkdirTemp("", "oteldocs-rootfs-")
	if err != nil {
		return fmt.Errorf("make temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	recipeDir := filepath.Join(tmp, "recipe")
	if err := os.CopyFS(recipeDir, files); err != nil {
		return fmt.Errorf("copy the recipe files: %w", err)
	}
	old := ImageID(ctx, r.Ref) // removed once superseded

	start := time.Now()
	tarPath := filepath.Join(tmp, "rootfs.tar")
	fmt.Fprintf(log, "images: mmdebstrap bookworm with %s\n", r.What)
	if _, err := Run(ctx, log, "mmdebstrap", r.Mmdebstrap(recipeDir, tarPath)...); err != nil {
		return fmt.Errorf("make rootfs: %w", err)
	}
	fmt.Fprintf(log, "images: rootfs ready after %s\n", time.Since(start).Round(time.Second))

	target, changes := r.Ref, r.Changes
	if len(r.Extra) > 0 {
		target = r.Ref + "-rootfs"
		defer func() {
			if _, err := Docker(context.WithoutCancel(ctx), nil, "rmi", target); err != nil {
				fmt.Fprintf(log, "images: could not remove the temporary tag %s: %v\n", target, err)
			}
		}()
	} else {
		changes = append(append([]string{}, changes...), labelLines(labels)...)
	}
	args := []string{"import"}
	for _, c := range changes {
		args = append(args, "--change", c)
	}
	if _, err := Docker(ctx, log, append(args, tarPath, target)...); err != nil {
		return fmt.Errorf("import rootfs: %w", err)
	}
	if err := os.Remove(tarPath); err != nil {
		return fmt.Errorf("remove rootfs tar: %w", err)
	}
	if len(r.Extra) > 0 {
		df := "FROM " + target + "\n" + strings.Join(append(append([]string{}, r.Extra...), labelLines(labels)...), "\n") + "\n"
		if err := os.WriteFile(filepath.Join(tmp, "Dockerfile"), []byte(df), 0o644); err != nil {
			return fmt.Errorf("write Dockerfile: %w", err)
		}
		if _, err := Docker(ctx, log, "build", "--quiet", "--tag", r.Ref, tmp); err != nil {
			return fmt.Errorf("finish image: %w", err)
		}
	}
	fmt.Fprintf(log, "images: built %s in %s\n", r.Ref, time.Since(start).Round(time.Second))
	if old != "" && old != ImageID(ctx, r.Ref) {
		if _, err := Docker(ctx, nil, "rmi", old); err != nil {
			fmt.Fprintf(log, "images: could not remove the superseded image %s: %v\n", old, err)
		}
	}
	return nil
}

// labelLines returns one LABEL instruction per label, sorted by key.
func labelLines(labels map[string]string) []string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, "LABEL "+strconv.Quote(k)+"="+strconv.Quote(labels[k]))
	}
	return out
}

// ImageID returns the ID of the local image ref, or "" if there is none.
func ImageID(ctx context.Context, ref string) string {
	id, err := Docker(ctx, nil, "image", "inspect", "--format", "{{.Id}}", ref)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(id)
}

// Recipe returns the recipe of the image: files (which the Mmdebstrap
// arguments may name) plus the arguments, changes and extra instructions
// themselves, so that editing any of them rebuilds it. The arguments are
// hashed with the placeholders <recipe> and <tar> for the folders, which
// differ on every build.
func (r Rootfs) Recipe(files fs.FS, envOverride string) Recipe {
	args := strings.Join(r.Mmdebstrap("<recipe>", "<tar>"), " ")
	return Recipe{
		Ref:   r.Ref,
		Files: files,
		Extra: map[string]string{
			"mmdebstrap": args,
			"changes":    strings.Join(r.Changes, "; "),
			"extra":      strings.Join(r.Extra, "; "),
		},
		EnvOverride: envOverride,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return r.Build(ctx, files, labels, log)
		},
	}
}

// LeanDpkg are mmdebstrap arguments that keep a Debian rootfs lean: no
// manuals, docs (but their copyright files), info pages or translations.
func LeanDpkg() []string {
	return []string{
		"--dpkgopt=path-exclude=/usr/share/man/*",
		"--dpkgopt=path-exclude=/usr/share/doc/*",
		"--dpkgopt=path-include=/usr/share/doc/*/copyright",
		"--dpkgopt=path-exclude=/usr/share/info/*",
		"--dpkgopt=path-exclude=/usr/share/locale/*",
	}
}

// RecipeFolder returns the folder dir of an embedded recipe (the files an
// image package keeps under image/ and embeds with go:embed).
func RecipeFolder(recipe fs.FS, dir string) fs.FS {
	files, err := fs.Sub(recipe, dir)
	if err != nil {
		panic(err) // dir is a constant, valid path; fs.Sub fails only on invalid ones
	}
	return files
}
