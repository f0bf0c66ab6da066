package results

import "path"

// The layout of the results folder (build/verify by default). Paths are
// slash-separated and relative to that folder; verify joins them to its
// output folder, docgen reads them through Open.
//
//	results.json                  File, the index of every example
//	<id>/                         ExampleDir: the main case of one example
//	<id>/output.txt               OutputFile: what the program printed
//	<id>/traces.json ...          the telemetry that arrived (package telemetry
//	                              names the three files and decodes them)
//	<id>/cases/<case>/            CaseDir: a named case, the same files
//	runs/                         RunsDir: one folder per running verify, removed
//	                              when it ends (binaries, TLS CA, logs)
const (
	// Dir is the results folder, relative to the repository root.
	Dir = "build/verify"
	// FileName is the index file in Dir.
	FileName = "results.json"
	// DefaultPath is where cmd/verify writes and cmd/docgen reads.
	DefaultPath = Dir + "/" + FileName
	// OutputFile holds what a case's program printed (and what verify's
	// proxy did, after it), in its case folder.
	OutputFile = "output.txt"
	// RunsDir holds the private folders of running verify processes.
	RunsDir = "runs"

	casesDir = "cases"
)

// RunIDKey is the resource attribute verify adds (through
// OTEL_RESOURCE_ATTRIBUTES) to each case's run, to tell one example's
// telemetry from another's in the shared Collector.
const RunIDKey = "oteldocs.run.id"

// ExampleDir is the folder of an example's main case, relative to the
// results folder.
func ExampleDir(id string) string { return id }

// CaseSubdir is the folder of a case inside its example's folder: the
// example folder itself ("") for the main case (caseName ""), cases/<name>
// for a named one.
func CaseSubdir(caseName string) string {
	if caseName == "" {
		return ""
	}
	return casesDir + "/" + caseName
}

// CaseDir is the folder of a case of example id, relative to the results
// folder: <id> or <id>/cases/<name>.
func CaseDir(id, caseName string) string {
	return path.Join(ExampleDir(id), CaseSubdir(caseName))
}

// ranks orders the levels: each implies the ones before it.
var ranks = map[Level]int{LevelNone: 0, LevelCompiled: 1, LevelRan: 2, LevelAsserted: 3}

// Rank is the place of l in the order none < compiled < ran < asserted; an
// unknown level ranks below none (-1).
func (l Level) Rank() int {
	if r, ok := ranks[l]; ok {
		return r
	}
	return -1
}

// AtLeast reports whether l implies m.
func (l Level) AtLeast(m Level) bool { return l.Rank() >= m.Rank() }

// Lower returns the lower of l and m: an example's level is the lowest its
// cases reached.
func (l Level) Lower(m Level) Level {
	if m.Rank() < l.Rank() {
		return m
	}
	return l
}
