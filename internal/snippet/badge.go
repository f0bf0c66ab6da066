package snippet

import (
	"strings"

	"oteldocs.dev/internal/results"
)

// Badge is what a page says about the verification of an example.
type Badge struct {
	Class      string // "asserted", "ran", "compiled", "failed", "changed" or "unverified"
	Label      string // the badge's text
	Provenance string // one line: when, how far, with which versions
}

// BadgeFor reads the result of example id from res (nil: nothing verified).
// current is the results.Fingerprint of the example's files now ("" when
// unknown): when it differs from the one verified, the badge says "changed
// since verified", not the level an older version of the files reached.
func BadgeFor(res *results.File, id, current string) Badge {
	e, ok := res.Lookup(id)
	if !ok {
		return Badge{Class: "unverified", Label: "not verified yet",
			Provenance: "Not verified yet: run make verify to compile, run and check this example."}
	}
	v := e.Versions
	if v.Go == "" {
		v.Go = res.Versions.Go
	}
	if v.Otel == "" {
		v.Otel = res.Versions.Otel
	}
	// An example that passes at level compiled (compiled_only in its
	// verify.yaml) never met the run's Collector.
	if v.Collector == "" && (e.Level != results.LevelCompiled || e.Status != results.StatusPass) {
		v.Collector = res.Versions.Collector
	}
	level := string(e.Level)
	if level == "" {
		level = "not compiled"
	}
	when := e.VerifiedAt
	if when.IsZero() {
		when = res.Generated
	}
	verb, b := "Verified", Badge{Class: level, Label: level}
	if e.Status != results.StatusPass {
		verb, b = "Failed", Badge{Class: "failed", Label: "failing"}
	}
	if e.Changed(current) {
		verb, b = "Changed since it was verified", Badge{Class: "changed", Label: "changed since verified"}
		parts := []string{"the files differ from those verified"}
		if !when.IsZero() {
			parts = append(parts, "last run "+when.UTC().Format("2006-01-02")+" reached "+level)
		}
		b.Provenance = verb + ": " + strings.Join(parts, "; ") + ". Run make verify to check this version."
		return b
	}
	if !when.IsZero() {
		verb += " " + when.UTC().Format("2006-01-02")
	}
	parts := []string{level}
	if v.Go != "" {
		parts = append(parts, "Go "+v.Go)
	}
	if v.Otel != "" {
		parts = append(parts, "otel "+v.Otel)
	}
	if v.Collector != "" {
		parts = append(parts, "Collector "+strings.TrimPrefix(v.Collector, "v"))
	}
	b.Provenance = verb + ": " + strings.Join(parts, " · ")
	return b
}
