package telemetry

import (
	"go.opentelemetry.io/collector/pdata/pmetric"
)

func (d *Data) addMetrics(m pmetric.Metrics) {
	for _, rm := range m.ResourceMetrics().All() {
		res := Attrs(rm.Resource().Attributes().AsRaw())
		for _, sm := range rm.ScopeMetrics().All() {
			scope := sm.Scope().Name()
			for _, pm := range sm.Metrics().All() {
				d.Metrics = append(d.Metrics, decodeMetric(res, scope, pm))
			}
		}
	}
}

func decodeMetric(res Attrs, scope string, pm pmetric.Metric) Metric {
	m := Metric{Resource: res, Scope: scope, Name: pm.Name(), Description: pm.Description(), Unit: pm.Unit()}
	switch pm.Type() {
	case pmetric.MetricTypeSum:
		m.Type, m.Temporality, m.Monotonic = "sum", temporality(pm.Sum().AggregationTemporality()), pm.Sum().IsMonotonic()
		for _, p := range pm.Sum().DataPoints().All() {
			m.Points = append(m.Points, numberPoint(p))
		}
	case pmetric.MetricTypeGauge:
		m.Type = "gauge"
		for _, p := range pm.Gauge().DataPoints().All() {
			m.Points = append(m.Points, numberPoint(p))
		}
	case pmetric.MetricTypeHistogram:
		m.Type, m.Temporality = "histogram", temporality(pm.Histogram().AggregationTemporality())
		for _, p := range pm.Histogram().DataPoints().All() {
			m.Points = append(m.Points, Point{
				Attributes:   Attrs(p.Attributes().AsRaw()),
				Time:         p.Timestamp().AsTime(),
				Count:        p.Count(),
				Sum:          p.Sum(),
				Bounds:       p.ExplicitBounds().AsRaw(),
				BucketCounts: p.BucketCounts().AsRaw(),
				Exemplars:    exemplars(p.Exemplars()),
			})
		}
	case pmetric.MetricTypeExponentialHistogram:
		m.Type, m.Temporality = "exponential_histogram", temporality(pm.ExponentialHistogram().AggregationTemporality())
		for _, p := range pm.ExponentialHistogram().DataPoints().All() {
			m.Points = append(m.Points, Point{
				Attributes: Attrs(p.Attributes().AsRaw()),
				Time:       p.Timestamp().AsTime(),
				Count:      p.Count(),
				Sum:        p.Sum(),
				Exemplars:  exemplars(p.Exemplars()),
			})
		}
	case pmetric.MetricTypeSummary:
		m.Type = "summary"
		for _, p := range pm.Summary().DataPoints().All() {
			m.Points = append(m.Points, Point{
				Attributes: Attrs(p.Attributes().AsRaw()),
				Time:       p.Timestamp().AsTime(),
				Count:      p.Count(),
				Sum:        p.Sum(),
			})
		}
	}
	return m
}

func temporality(t pmetric.AggregationTemporality) string {
	switch t {
	case pmetric.AggregationTemporalityDelta:
		return "delta"
	case pmetric.AggregationTemporalityCumulative:
		return "cumulative"
	}
	return ""
}

func numberPoint(p pmetric.NumberDataPoint) Point {
	pt := Point{Attributes: Attrs(p.Attributes().AsRaw()), Time: p.Timestamp().AsTime(), Exemplars: exemplars(p.Exemplars())}
	if p.ValueType() == pmetric.NumberDataPointValueTypeInt {
		pt.Value, pt.IsInt = float64(p.IntValue()), true
	} else {
		pt.Value = p.DoubleValue()
	}
	return pt
}

func exemplars(es pmetric.ExemplarSlice) []Exemplar {
	var out []Exemplar
	for _, e := range es.All() {
		v := e.DoubleValue()
		if e.ValueType() == pmetric.ExemplarValueTypeInt {
			v = float64(e.IntValue())
		}
		out = append(out, Exemplar{Value: v, TraceID: idString(e.TraceID()), SpanID: idString(e.SpanID())})
	}
	return out
}
