package docgen

import (
	"errors"
	"io/fs"
	"path"

	"oteldocs.dev/internal/telemetry"
)

// runDir returns the folder of an example's last verified run (or of a named
// case of it), as results.json names it: build/verify/<id>[/cases/<case>].
func (b *builder) runDir(id, caseName string) (string, bool) {
	r, ok := b.results.Lookup(id)
	if !ok || r.Telemetry == "" {
		return "", false
	}
	if caseName != "" {
		return path.Join(r.Telemetry, "cases", caseName), true
	}
	return r.Telemetry, true
}

// readOptional reads a file of the repository; a missing one is nil.
func (b *builder) readOptional(name string) ([]byte, error) {
	data, err := fs.ReadFile(b.cfg.FS, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// telemetryData is the default Telemetry hook: what the Collector received
// in the example's last verified run. With no result yet it returns nil and
// the page shows a "not captured yet" note.
func (b *builder) telemetryData(id, caseName string) (*telemetry.Data, error) {
	dir, ok := b.runDir(id, caseName)
	if !ok {
		return nil, nil
	}
	var files [3][]byte
	for i, name := range []string{telemetry.TracesFile, telemetry.MetricsFile, telemetry.LogsFile} {
		data, err := b.readOptional(path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		files[i] = data
	}
	return telemetry.Decode(files[0], files[1], files[2])
}

// programOutput is what the example printed in its last verified run.
func (b *builder) programOutput(id, caseName string) (string, bool, error) {
	dir, ok := b.runDir(id, caseName)
	if !ok {
		return "", false, nil
	}
	data, err := b.readOptional(path.Join(dir, "output.txt"))
	if err != nil || data == nil {
		return "", false, err
	}
	return string(data), true, nil
}
