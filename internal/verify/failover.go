package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

// collector.failover: the case's own Collector (the one collector.outage
// stops) is the first; the shared Collector is the second, given to the
// example in spec.FailoverEnv. What arrived is read from both, so that an
// expectation such as "count: 12" says nothing was lost, and nothing sent
// twice, whichever Collector took it.

// failover returns the variable that gives the example the second
// Collector's endpoint, for the case's protocol.
func (s *services) failover(ctx context.Context, sp *spec.Spec) (string, error) {
	protocol := sp.Run.Protocol
	if protocol == "" {
		protocol = "http/protobuf"
	}
	ep, err := endpoint(ctx, s.collector, protocol, false)
	if err != nil {
		return "", fmt.Errorf("collector.failover: the second Collector's endpoint: %w", err)
	}
	return spec.FailoverEnv + "=" + ep, nil
}

// loadAll decodes the signal files of every folder as one: each file's
// lines one folder after another. A last line without its newline is still
// being written; it is left out of every folder but the last, where the
// decoder leaves it for the next read.
func loadAll(dirs []string) (*telemetry.Data, error) {
	var files [3][]byte
	for i, name := range []string{telemetry.TracesFile, telemetry.MetricsFile, telemetry.LogsFile} {
		for j, dir := range dirs {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			if j < len(dirs)-1 {
				b = b[:bytes.LastIndexByte(b, '\n')+1]
			}
			files[i] = append(files[i], b...)
		}
	}
	return telemetry.Decode(files[0], files[1], files[2])
}

// copyFiltered keeps the records of this case (keep) from every folder in
// outDir, one folder's after another's.
func copyFiltered(dirs []string, outDir string, keep func(telemetry.Attrs) bool) error {
	if len(dirs) == 1 {
		return telemetry.CopyFiltered(dirs[0], outDir, keep)
	}
	tmp, err := os.MkdirTemp("", "oteldocs-failover-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	parts := make([]string, len(dirs))
	for i, dir := range dirs {
		parts[i] = filepath.Join(tmp, fmt.Sprint(i))
		if err := telemetry.CopyFiltered(dir, parts[i], keep); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, name := range []string{telemetry.TracesFile, telemetry.MetricsFile, telemetry.LogsFile} {
		var all []byte
		for _, p := range parts {
			b, err := os.ReadFile(filepath.Join(p, name))
			if err != nil {
				return err
			}
			all = append(all, b...)
		}
		if err := os.WriteFile(filepath.Join(outDir, name), all, 0o644); err != nil {
			return err
		}
	}
	return nil
}
