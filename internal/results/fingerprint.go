package results

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Fingerprint is the identity of an example's files: "sha256:" and the hash
// of every file below the root of fsys (the example's folder), its
// slash-separated path and its bytes, in path order. Files and folders whose
// name starts with "." (editor and tool state) are left out, and so are
// generated files (Generated). verify records
// it in Example.Fingerprint when it starts on an example; docgen computes it
// again from the files on disk, and a page whose example's fingerprint
// differs says "changed since verified" instead of the level it reached.
func Fingerprint(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || Generated(fsys, p) {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// Changed reports whether the files of an example differ from those it was
// verified with: false when the result records no fingerprint (written by
// an older verify), so an old results.json keeps its badges.
func (e Example) Changed(current string) bool {
	return e.Fingerprint != "" && e.Fingerprint != current
}

// Generated reports whether the file at p in fsys is build output that an
// example writes beside its sources, such as a page's main.wasm: the
// .gitignore of its folder lists its name, alone on a line. Such a file is
// neither part of the fingerprint (verify writes it after it took the
// fingerprint) nor of a download (a reader builds it).
func Generated(fsys fs.FS, p string) bool {
	b, err := fs.ReadFile(fsys, path.Join(path.Dir(p), ".gitignore"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == path.Base(p) {
			return true
		}
	}
	return false
}
