package docgen

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"
)

// pollInterval is how often serve looks for changes.
const pollInterval = 300 * time.Millisecond

// watchedPaths are the folders and files whose changes trigger a rebuild.
func watchedPaths(cfg Config) []string {
	return []string{
		filepath.Join(cfg.Root, filepath.FromSlash(cfg.Content)),
		filepath.Join(cfg.Root, "examples"),
		filepath.Join(cfg.Root, "site"),
		filepath.Join(cfg.Root, filepath.FromSlash(cfg.Results)),
	}
}

// watch rebuilds whenever the fingerprint of paths changes, until ctx is
// done. Polling modification times needs no dependency and works on every
// file system.
func (s *server) watch(ctx context.Context, paths []string) {
	last := fingerprint(paths)
	t := time.NewTicker(pollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if fp := fingerprint(paths); fp != last {
			last = fp
			s.rebuild()
		}
	}
}

// fingerprint hashes the name, size and modification time of every file
// under paths; a missing path counts as empty.
func fingerprint(paths []string) [32]byte {
	h := sha256.New()
	for _, root := range paths {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && p != root && d.Name()[0] == '.' {
				return filepath.SkipDir
			}
			if fi, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
