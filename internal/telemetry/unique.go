package telemetry

import (
	"fmt"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Keys of one attribute list must be unique (see the package doc). pdata
// keeps a duplicate as it arrived, and a map (Attrs) would silently keep one
// of the two values, so decoding reports it, in
// Data.Invalid, against the resource that carried it: one example's bad
// payload must not fail the others that share the Collector.

// Invalid is a resource whose telemetry broke a rule of OTLP.
type Invalid struct {
	Resource Attrs
	Err      string // where and what: "traces.json:3: invalid OTLP: ..."
}

// uniqueKeys returns an error naming the first key that m holds twice.
func uniqueKeys(what string, m pcommon.Map) error {
	if m.Len() < 2 {
		return nil
	}
	seen := make(map[string]bool, m.Len())
	for k := range m.All() {
		if seen[k] {
			return fmt.Errorf("invalid OTLP: %s has the attribute %q twice; attribute keys must be unique", what, k)
		}
		seen[k] = true
	}
	return nil
}

func uniqueScope(scope pcommon.InstrumentationScope) error {
	return uniqueKeys(fmt.Sprintf("scope %q", scope.Name()), scope.Attributes())
}

// invalidTraces returns the first duplicate key of each resource.
func invalidTraces(t ptrace.Traces) []Invalid {
	var out []Invalid
	for _, rs := range t.ResourceSpans().All() {
		if err := uniqueResourceSpans(rs); err != nil {
			out = append(out, Invalid{Attrs(rs.Resource().Attributes().AsRaw()), err.Error()})
		}
	}
	return out
}

func uniqueResourceSpans(rs ptrace.ResourceSpans) error {
	if err := uniqueKeys("a resource", rs.Resource().Attributes()); err != nil {
		return err
	}
	for _, ss := range rs.ScopeSpans().All() {
		if err := uniqueScope(ss.Scope()); err != nil {
			return err
		}
		for _, s := range ss.Spans().All() {
			what := fmt.Sprintf("span %q", s.Name())
			if err := uniqueKeys(what, s.Attributes()); err != nil {
				return err
			}
			for _, e := range s.Events().All() {
				if err := uniqueKeys(fmt.Sprintf("event %q of %s", e.Name(), what), e.Attributes()); err != nil {
					return err
				}
			}
			for _, l := range s.Links().All() {
				if err := uniqueKeys("a link of "+what, l.Attributes()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// invalidLogs returns the first duplicate key of each resource.
func invalidLogs(l plog.Logs) []Invalid {
	var out []Invalid
	for _, rl := range l.ResourceLogs().All() {
		if err := uniqueResourceLogs(rl); err != nil {
			out = append(out, Invalid{Attrs(rl.Resource().Attributes().AsRaw()), err.Error()})
		}
	}
	return out
}

func uniqueResourceLogs(rl plog.ResourceLogs) error {
	if err := uniqueKeys("a resource", rl.Resource().Attributes()); err != nil {
		return err
	}
	for _, sl := range rl.ScopeLogs().All() {
		if err := uniqueScope(sl.Scope()); err != nil {
			return err
		}
		for _, r := range sl.LogRecords().All() {
			if err := uniqueKeys("a log record", r.Attributes()); err != nil {
				return err
			}
		}
	}
	return nil
}

// invalidMetrics returns the first duplicate key of each resource.
func invalidMetrics(m pmetric.Metrics) []Invalid {
	var out []Invalid
	for _, rm := range m.ResourceMetrics().All() {
		if err := uniqueResourceMetrics(rm); err != nil {
			out = append(out, Invalid{Attrs(rm.Resource().Attributes().AsRaw()), err.Error()})
		}
	}
	return out
}

func uniqueResourceMetrics(rm pmetric.ResourceMetrics) error {
	if err := uniqueKeys("a resource", rm.Resource().Attributes()); err != nil {
		return err
	}
	for _, sm := range rm.ScopeMetrics().All() {
		if err := uniqueScope(sm.Scope()); err != nil {
			return err
		}
		for _, pm := range sm.Metrics().All() {
			if err := uniquePoints(fmt.Sprintf("a point of metric %q", pm.Name()), pm); err != nil {
				return err
			}
		}
	}
	return nil
}

// uniquePoints checks the attributes of every data point of pm.
func uniquePoints(what string, pm pmetric.Metric) error {
	var maps []pcommon.Map
	switch pm.Type() {
	case pmetric.MetricTypeSum:
		for _, p := range pm.Sum().DataPoints().All() {
			maps = append(maps, p.Attributes())
		}
	case pmetric.MetricTypeGauge:
		for _, p := range pm.Gauge().DataPoints().All() {
			maps = append(maps, p.Attributes())
		}
	case pmetric.MetricTypeHistogram:
		for _, p := range pm.Histogram().DataPoints().All() {
			maps = append(maps, p.Attributes())
		}
	case pmetric.MetricTypeExponentialHistogram:
		for _, p := range pm.ExponentialHistogram().DataPoints().All() {
			maps = append(maps, p.Attributes())
		}
	case pmetric.MetricTypeSummary:
		for _, p := range pm.Summary().DataPoints().All() {
			maps = append(maps, p.Attributes())
		}
	}
	for _, m := range maps {
		if err := uniqueKeys(what, m); err != nil {
			return err
		}
	}
	return nil
}
