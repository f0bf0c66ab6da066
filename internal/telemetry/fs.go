package telemetry

import (
	"errors"
	"io/fs"
)

// LoadFS decodes the three signal files at the root of fsys (a case folder
// of the verify results, see results.Reader.CaseFS). Missing files count as
// empty.
func LoadFS(fsys fs.FS) (*Data, error) {
	var files [3][]byte
	for i, name := range []string{TracesFile, MetricsFile, LogsFile} {
		b, err := fs.ReadFile(fsys, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		files[i] = b
	}
	return Decode(files[0], files[1], files[2])
}
