package telemetry

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// CopyFiltered copies the three signal files from src to dst, keeping only
// the resources for which keep is true and dropping lines left empty. The
// documents stay OTLP JSON, one per line, as the Collector wrote them.
func CopyFiltered(src, dst string, keep func(Attrs) bool) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	filters := map[string]func([]byte) ([]byte, error){
		TracesFile: func(b []byte) ([]byte, error) {
			t, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(b)
			if err != nil {
				return nil, err
			}
			t.ResourceSpans().RemoveIf(func(r ptrace.ResourceSpans) bool { return !keep(r.Resource().Attributes().AsRaw()) })
			if t.ResourceSpans().Len() == 0 {
				return nil, nil
			}
			return (&ptrace.JSONMarshaler{}).MarshalTraces(t)
		},
		MetricsFile: func(b []byte) ([]byte, error) {
			m, err := (&pmetric.JSONUnmarshaler{}).UnmarshalMetrics(b)
			if err != nil {
				return nil, err
			}
			m.ResourceMetrics().RemoveIf(func(r pmetric.ResourceMetrics) bool { return !keep(r.Resource().Attributes().AsRaw()) })
			if m.ResourceMetrics().Len() == 0 {
				return nil, nil
			}
			return (&pmetric.JSONMarshaler{}).MarshalMetrics(m)
		},
		LogsFile: func(b []byte) ([]byte, error) {
			l, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(b)
			if err != nil {
				return nil, err
			}
			l.ResourceLogs().RemoveIf(func(r plog.ResourceLogs) bool { return !keep(r.Resource().Attributes().AsRaw()) })
			if l.ResourceLogs().Len() == 0 {
				return nil, nil
			}
			return (&plog.JSONMarshaler{}).MarshalLogs(l)
		},
	}
	for _, name := range []string{TracesFile, MetricsFile, LogsFile} {
		in, err := os.ReadFile(filepath.Join(src, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		var out bytes.Buffer
		err = EachLine(filepath.Join(src, name), in, func(_ int, line []byte) error {
			kept, err := filters[name](line)
			if err == nil && kept != nil {
				out.Write(kept)
				out.WriteByte('\n')
			}
			return err
		})
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, name), out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
