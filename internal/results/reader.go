package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// Reader reads what verify wrote: results.json and, for each example, the
// folders it names. It reads through an fs.FS rooted at the repository, so
// docgen builds from a folder, an fstest.MapFS or a txtar archive alike.
type Reader struct {
	fsys fs.FS
	file *File
}

// Open reads the results file name (slash-separated, relative to the root of
// fsys; DefaultPath unless a caller chose another). A missing file is not an
// error: the Reader then knows no example, meaning nothing has been verified
// yet.
func Open(fsys fs.FS, name string) (*Reader, error) {
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return &Reader{fsys: fsys}, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := decode(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: run make verify again to rewrite it", name, err)
	}
	return &Reader{fsys: fsys, file: f}, nil
}

func decode(src []byte) (*File, error) {
	var f File
	if err := json.Unmarshal(src, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// File is the results file, or nil when there is none yet.
func (r *Reader) File() *File { return r.file }

// Lookup returns the result for example id, or false.
func (r *Reader) Lookup(id string) (Example, bool) { return r.file.Lookup(id) }

// CaseDir returns the folder, relative to the root of the Reader's fs.FS,
// holding the output and telemetry of example id's last verified run (of
// its named case, unless caseName is ""), and false when the example has
// none: never verified, or it did not get as far as running.
func (r *Reader) CaseDir(id, caseName string) (string, bool) {
	e, ok := r.Lookup(id)
	if !ok || e.Telemetry == "" {
		return "", false
	}
	return path.Join(e.Telemetry, CaseSubdir(caseName)), true
}

// CaseFS returns the folder of CaseDir as an fs.FS: package telemetry
// decodes the signal files in it.
func (r *Reader) CaseFS(id, caseName string) (fs.FS, bool, error) {
	dir, ok := r.CaseDir(id, caseName)
	if !ok {
		return nil, false, nil
	}
	sub, err := fs.Sub(r.fsys, dir)
	return sub, err == nil, err
}

// Output returns what the program of example id (or of its named case)
// printed in its last verified run, and false when there is none.
func (r *Reader) Output(id, caseName string) ([]byte, bool, error) {
	dir, ok := r.CaseDir(id, caseName)
	if !ok {
		return nil, false, nil
	}
	data, err := fs.ReadFile(r.fsys, path.Join(dir, OutputFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return data, err == nil && data != nil, err
}
