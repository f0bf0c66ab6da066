package docgen

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"oteldocs.dev/internal/results"
)

// downloadPath is where the zip of an example goes in the site.
func downloadPath(id string) string { return "downloads/" + id + ".zip" }

// zipEpoch is the time of every file in a zip, so that the same example
// always gives the same bytes.
var zipEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// writeDownloads writes a zip of each examples/<id> folder: the files a
// reader needs to run it unchanged, under a folder named <id>.
func (b *builder) writeDownloads() error {
	for _, id := range b.examples {
		extras, err := b.exampleExtras(id)
		if err != nil {
			return err
		}
		data, err := zipFolder(b.cfg.FS, "examples/"+id, id, extras)
		if err != nil {
			return err
		}
		if err := b.add(downloadPath(id), data); err != nil {
			return err
		}
	}
	return nil
}

// skipDirs are folders of build output, never part of a download.
var skipDirs = map[string]bool{"build": true, "bin": true}

// zipFolder zips the regular files under dir (dot files and folders, and
// build output, left out, generated files too: results.Generated) in lexical order, naming them prefix/<path under
// dir>, then extras (name to content, names relative to dir), which a file
// of the folder with the same name would otherwise shadow.
func zipFolder(fsys fs.FS, dir, prefix string, extras map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		h := &zip.FileHeader{Name: path.Join(prefix, name), Method: zip.Deflate, Modified: zipEpoch}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || d.IsDir() && skipDirs[d.Name()]) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || results.Generated(fsys, p) {
			return nil
		}
		name := strings.TrimPrefix(p, dir+"/")
		if _, ok := extras[name]; ok {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return add(name, data)
	})
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(extras)) {
		if err := add(name, extras[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
