package verify

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"

	"oteldocs.dev/internal/results"
)

// newRunDir makes the folder of one verify run under out/runs (results.RunsDir): the built
// binaries, the TLS CA, testcontainers' log. Two runs in one checkout each
// have their own, so neither overwrites the other's CA or binaries. The
// caller removes it when the run ends, on every path.
func newRunDir(out string) (string, error) {
	parent := filepath.Join(out, results.RunsDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(parent, "run-")
	if err != nil {
		return "", err
	}
	// go build and the examples run in other folders.
	return filepath.Abs(dir)
}

// stagingDir makes a fresh folder beside out/<id>, where a case's output is
// written before publish swaps it in.
func stagingDir(out, id string) (string, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(out, "."+id+".new-")
}

// publish puts the folder staged in place of final in one step: a reader
// (docgen serve, another verify run) sees the old folder or the new one,
// never a mix. staged then holds the old folder, or nothing; the caller
// removes it.
func publish(staged, final string) error {
	var err error
	for range 3 {
		err = unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
		switch {
		case errors.Is(err, unix.ENOENT):
			// No old folder: a plain rename, unless another run got there
			// first (then exchange with its folder).
			if err = os.Rename(staged, final); err == nil || !(errors.Is(err, unix.EEXIST) || errors.Is(err, unix.ENOTEMPTY)) {
				return wrapPublish(final, err)
			}
		case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
			// A file system without the exchange: move the old one aside.
			old := staged + ".old"
			if err := os.Rename(final, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return wrapPublish(final, err)
			}
			defer os.RemoveAll(old)
			return wrapPublish(final, os.Rename(staged, final))
		default:
			return wrapPublish(final, err)
		}
	}
	return wrapPublish(final, err)
}

func wrapPublish(final string, err error) error {
	if err != nil {
		return fmt.Errorf("publish %s: %w", final, err)
	}
	return nil
}
