package docgen

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"path"
	"strings"
	"time"
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
		data, err := zipFolder(b.cfg.FS, "examples/"+id, id)
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
// build output, left out) in lexical order, naming them prefix/<path under
// dir>.
func zipFolder(fsys fs.FS, dir, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: path.Join(prefix, strings.TrimPrefix(p, dir+"/")), Method: zip.Deflate, Modified: zipEpoch}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
