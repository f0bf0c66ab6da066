package docgen

import (
	"errors"
	"html/template"
	"io/fs"
	"path"

	"oteldocs.dev/internal/telemetry"
)

// telemetryPanel is the default Telemetry hook: the panel of what the
// Collector received for the example in its last verify run, read from the
// folder results.json names (build/verify/<id>/). With no result yet it
// returns "" and the snippet renderer shows its "not captured yet" note.
func (b *builder) telemetryPanel(id string) (template.HTML, error) {
	r, ok := b.results.Lookup(id)
	if !ok || r.Telemetry == "" {
		return "", nil
	}
	read := func(name string) ([]byte, error) {
		data, err := fs.ReadFile(b.cfg.FS, path.Join(r.Telemetry, name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return data, err
	}
	var files [3][]byte
	for i, name := range []string{telemetry.TracesFile, telemetry.MetricsFile, telemetry.LogsFile} {
		data, err := read(name)
		if err != nil {
			return "", err
		}
		files[i] = data
	}
	d, err := telemetry.Decode(files[0], files[1], files[2])
	if err != nil {
		return "", err
	}
	return telemetry.Panel(d)
}
