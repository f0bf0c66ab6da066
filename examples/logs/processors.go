package main

import (
	"context"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// [START redact]
// redact masks the values of some attributes, all but their last four
// characters, before any exporter sees them. It changes the record and
// exports nothing itself: the processors registered after it see the
// change. Only top-level attributes are checked, not keys inside groups.
type redact struct {
	keys []string
}

func (p redact) OnEmit(_ context.Context, r *sdklog.Record) error {
	var attrs []attribute.KeyValue
	changed := false
	r.WalkAttributes(func(kv attribute.KeyValue) bool {
		for _, k := range p.keys {
			if string(kv.Key) == k && kv.Value.Type() == attribute.STRING {
				kv.Value = attribute.StringValue(mask(kv.Value.AsString()))
				changed = true
			}
		}
		attrs = append(attrs, kv)
		return true
	})
	if changed {
		r.SetAttributes(attrs...)
	}
	return nil
}

func mask(s string) string {
	if len(s) <= 4 {
		return strings.Repeat("*", len(s))
	}
	return strings.Repeat("*", len(s)-4) + s[len(s)-4:]
}

// Enabled returns false: redact never needs a record for itself, and the
// other processors decide whether one is wanted.
func (redact) Enabled(context.Context, sdklog.EnabledParameters) bool { return false }
func (redact) Shutdown(context.Context) error                         { return nil }
func (redact) ForceFlush(context.Context) error                       { return nil }

// [END redact]

// [START quiet]
// quiet wraps a processor and drops the records of one instrumentation
// scope (one package's logger) below a minimum severity.
type quiet struct {
	sdklog.Processor
	scope string
	min   log.Severity
}

func (q quiet) drops(scope string, sev log.Severity) bool {
	return scope == q.scope && sev < q.min
}

// Enabled lets the bridge skip dropped records before it builds them:
// slog's Logger.Enabled asks this through the otelslog handler.
func (q quiet) Enabled(ctx context.Context, p sdklog.EnabledParameters) bool {
	if q.drops(p.InstrumentationScope.Name, p.Severity) {
		return false
	}
	return q.Processor.Enabled(ctx, p)
}

// OnEmit must check again: a caller may emit without asking Enabled.
func (q quiet) OnEmit(ctx context.Context, r *sdklog.Record) error {
	if q.drops(r.InstrumentationScope().Name, r.Severity()) {
		return nil
	}
	return q.Processor.OnEmit(ctx, r)
}

// [END quiet]
