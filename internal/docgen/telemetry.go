package docgen

import "oteldocs.dev/internal/telemetry"

// telemetryData is the default Telemetry hook: what the Collector received
// in the example's last verified run (of its named case, unless caseName is
// ""), read through the results' reader. With no result yet it returns nil
// and the page shows a "not captured yet" note.
func (b *builder) telemetryData(id, caseName string) (*telemetry.Data, error) {
	dir, ok, err := b.results.CaseFS(id, caseName)
	if !ok || err != nil {
		return nil, err
	}
	return telemetry.LoadFS(dir)
}

// programOutput is what the example printed in its last verified run.
func (b *builder) programOutput(id, caseName string) (string, bool, error) {
	data, ok, err := b.results.Output(id, caseName)
	return string(data), ok, err
}
