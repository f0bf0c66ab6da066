package match

import (
	"testing"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/internal/telemetry"
)

// BenchmarkMatchQuickstart matches the quickstart's expectations against its
// recorded telemetry: verify does this on every poll while it waits.
func BenchmarkMatchQuickstart(b *testing.B) {
	data, err := telemetry.Load("testdata/quickstart")
	if err != nil {
		b.Fatal(err)
	}
	s, err := spec.Parse("../../examples/quickstart/verify.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if res := Match("verify.yaml", &s.Expect, data); !res.OK() {
			b.Fatal(res.Failures)
		}
	}
}

// BenchmarkDecodeQuickstart decodes the recorded OTLP JSON.
func BenchmarkDecodeQuickstart(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := telemetry.Load("testdata/quickstart"); err != nil {
			b.Fatal(err)
		}
	}
}
