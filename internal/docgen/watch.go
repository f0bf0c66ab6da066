package docgen

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

const (
	// settle is how long serve waits after a change for the rest of an
	// editor's save (a write, a rename) before it rebuilds.
	settle = 15 * time.Millisecond
	// pollInterval is how often serve looks for changes where the system
	// cannot notify it.
	pollInterval = 300 * time.Millisecond
)

// watchedPaths are the folders and files whose changes trigger a rebuild.
func watchedPaths(cfg Config) []string {
	return []string{
		filepath.Join(cfg.Root, filepath.FromSlash(cfg.Content)),
		filepath.Join(cfg.Root, "examples"),
		filepath.Join(cfg.Root, "site"),
		filepath.Join(cfg.Root, filepath.FromSlash(cfg.Results)),
	}
}

// watch applies every change under the watched paths until ctx is done:
// the system's notifications (fsnotify) name the files, so an edit to one
// page updates that page; where notifications are unavailable it polls and
// rebuilds the whole site.
func (s *server) watch(ctx context.Context, cfg Config) {
	w, err := fsnotify.NewWatcher()
	if err == nil {
		err = addTree(w, cfg)
	}
	if err != nil {
		if w != nil {
			w.Close()
		}
		fmt.Fprintf(s.stderr, "docgen: no file notifications (%v): polling every %v\n", err, pollInterval)
		s.poll(ctx, watchedPaths(cfg))
		return
	}
	defer w.Close()
	results := filepath.Join(cfg.Root, filepath.FromSlash(cfg.Results))
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-w.Errors:
			fmt.Fprintf(s.stderr, "docgen: watching files: %v\n", err)
			pending[""] = true // something was missed: build it all
			timer = time.After(settle)
		case ev := <-w.Events:
			name := filepath.Clean(ev.Name)
			if strings.HasPrefix(filepath.Base(name), ".") || strings.HasSuffix(name, "~") {
				continue // editors' swap and backup files
			}
			if filepath.Dir(name) == filepath.Dir(results) && name != results {
				continue // the results folder: only results.json counts
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(name); err == nil && fi.IsDir() {
					addDirs(w, name)
				}
			}
			rel, err := filepath.Rel(cfg.Root, name)
			if err != nil {
				rel = ""
			}
			pending[filepath.ToSlash(rel)] = true
			timer = time.After(settle)
		case <-timer:
			timer = nil
			changed := slices.Sorted(maps.Keys(pending))
			clear(pending)
			if slices.Contains(changed, "") {
				s.rebuild()
			} else {
				s.apply(changed)
			}
		}
	}
}

// addTree watches every folder under the content, examples and theme
// folders, and the folder of the results file.
func addTree(w *fsnotify.Watcher, cfg Config) error {
	paths := watchedPaths(cfg)
	for _, root := range paths[:3] {
		if _, err := os.Stat(root); err != nil {
			continue
		}
		if err := addDirs(w, root); err != nil {
			return err
		}
	}
	results := filepath.Dir(paths[3])
	os.MkdirAll(results, 0o755)
	return w.Add(results)
}

// addDirs watches dir and every folder under it, dot folders and build
// output left out.
func addDirs(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || skipDirs[d.Name()]) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// poll rebuilds whenever the fingerprint of paths changes, until ctx is
// done.
func (s *server) poll(ctx context.Context, paths []string) {
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
