package verify

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"oteldocs.dev/internal/results"
)

// Merge combines the results of shards (each a verify output folder:
// results.json and a folder per example) into out, as one run over every
// example would have left it. For each example the newest result wins (a
// shard's fresh run beats a result restored from a cache), with its
// folder; out's results.json lists every example once, in the order one
// run writes them, and the versions of the newest shard.
func Merge(out string, shards []string) error {
	merged := &results.File{}
	from := map[string]string{} // example id -> the shard folder its result comes from
	for _, dir := range shards {
		f, err := results.Read(filepath.Join(dir, results.FileName))
		if err != nil {
			return err
		}
		if f == nil {
			return fmt.Errorf("%s: no %s: is it a verify output folder?", dir, results.FileName)
		}
		if f.Generated.After(merged.Generated) {
			merged.Generated, merged.Versions = f.Generated, f.Versions
		}
		for _, r := range f.Examples {
			if old, ok := merged.Lookup(r.ID); ok && !r.VerifiedAt.After(old.VerifiedAt) {
				continue
			}
			merged.Put(r)
			from[r.ID] = dir
		}
	}
	for _, r := range merged.Examples {
		src := filepath.Join(from[r.ID], results.ExampleDir(r.ID))
		dst := filepath.Join(out, results.ExampleDir(r.ID))
		if filepath.Clean(src) == filepath.Clean(dst) {
			continue
		}
		// Staged and swapped in as a run does (publish): a reader never
		// sees half a folder.
		staged, err := stagingDir(out, r.ID)
		if err != nil {
			return err
		}
		err = copyTree(src, staged)
		if err == nil {
			err = publish(staged, dst)
		}
		os.RemoveAll(staged)
		if err != nil {
			return err
		}
	}
	return results.Write(filepath.Join(out, results.FileName), merged)
}

// copyTree copies the folder src to dst; a missing src copies nothing.
func copyTree(src, dst string) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
