package snippet

import (
	"testing"
	"time"

	"oteldocs.dev/internal/results"
)

func TestBadgeFor(t *testing.T) {
	day := time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)
	res := &results.File{
		Generated: day,
		Versions:  results.Versions{Go: "go1.26.8", Otel: "v1.47.0", Collector: "v0.161.0"},
		Examples: []results.Example{
			{ID: "ok", Status: results.StatusPass, Level: results.LevelAsserted, VerifiedAt: day},
			{ID: "bad", Status: results.StatusFail, Level: results.LevelCompiled, Versions: results.Versions{Otel: "v1.46.0"}},
			{ID: "printed", Status: results.StatusPass, Level: results.LevelAsserted, VerifiedAt: day, Fingerprint: "sha256:aa"},
			{ID: "compiled", Status: results.StatusPass, Level: results.LevelCompiled, VerifiedAt: day},
		},
	}
	tests := []struct {
		res     *results.File
		id, now string
		want    Badge
	}{
		{res, "printed", "sha256:aa", Badge{"asserted", "asserted", "Verified 2026-11-26: asserted · Go go1.26.8 · otel v1.47.0 · Collector 0.161.0"}},
		{res, "printed", "sha256:bb", Badge{"changed", "changed since verified", "Changed since it was verified: the files differ from those verified; last run 2026-11-26 reached asserted. Run make verify to check this version."}},
		{res, "ok", "sha256:bb", Badge{"asserted", "asserted", "Verified 2026-11-26: asserted · Go go1.26.8 · otel v1.47.0 · Collector 0.161.0"}},
		{res, "bad", "", Badge{"failed", "failing", "Failed 2026-11-26: compiled · Go go1.26.8 · otel v1.46.0 · Collector 0.161.0"}},
		{res, "compiled", "", Badge{"compiled", "compiled", "Verified 2026-11-26: compiled · Go go1.26.8 · otel v1.47.0"}},
		{res, "other", "", Badge{"unverified", "not verified yet", "Not verified yet: run make verify to compile, run and check this example."}},
		{nil, "ok", "", Badge{"unverified", "not verified yet", "Not verified yet: run make verify to compile, run and check this example."}},
	}
	for _, tt := range tests {
		if got := BadgeFor(tt.res, tt.id, tt.now); got != tt.want {
			t.Errorf("BadgeFor(%q) = %+v, want %+v", tt.id, got, tt.want)
		}
	}
}
