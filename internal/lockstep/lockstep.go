// Package lockstep keeps every example module on one set of versions: the
// same go directive, the same version of each OpenTelemetry module
// (go.opentelemetry.io/otel/... and go.opentelemetry.io/contrib/...) and
// the same semantic conventions package. A reader who copies two examples
// into one service then meets no version conflict, and a page never shows
// code from an older SDK beside code from a newer one.
//
// Drift reports every module that differs from the others; its test keeps
// the repository clean. Bump (make bump) moves every example to the newest
// versions the module proxy serves and tidies each module.
package lockstep

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// Tracked reports whether a module path moves in lockstep across examples.
func Tracked(path string) bool {
	return path == "go.opentelemetry.io/otel" ||
		strings.HasPrefix(path, "go.opentelemetry.io/otel/") ||
		strings.HasPrefix(path, "go.opentelemetry.io/contrib/")
}

// A Module is one example's go.mod: its go directive and the tracked
// modules it requires, directly or indirectly.
type Module struct {
	File     string // examples/<id>/go.mod, relative to the repository root
	Go       Pin
	Requires map[string]Pin // by module path
}

// Pin is a version and the go.mod line that sets it.
type Pin struct {
	Version string
	Line    int
}

// Load reads examples/*/go.mod under root.
func Load(root string) ([]Module, error) {
	files, err := filepath.Glob(filepath.Join(root, "examples", "*", "go.mod"))
	if err != nil {
		return nil, err
	}
	var mods []Module
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		mf, err := modfile.ParseLax(rel, data, nil)
		if err != nil {
			return nil, err
		}
		m := Module{File: rel, Requires: map[string]Pin{}}
		if mf.Go != nil {
			m.Go = Pin{mf.Go.Version, mf.Go.Syntax.Start.Line}
		}
		for _, r := range mf.Require {
			if Tracked(r.Mod.Path) {
				m.Requires[r.Mod.Path] = Pin{r.Mod.Version, r.Syntax.Start.Line}
			}
		}
		mods = append(mods, m)
	}
	return mods, nil
}

// Drift returns one error per module whose go directive or tracked
// requirement differs from the version most examples pin (the newest, on a
// tie). Each starts with file:line and names the module and both versions.
func Drift(mods []Module) []error {
	var errs []error
	goPins := map[string]Pin{}
	paths := map[string]bool{}
	for _, m := range mods {
		goPins[m.File] = m.Go
		for p := range m.Requires {
			paths[p] = true
		}
	}
	errs = append(errs, differ("go", "go directive", goPins)...)
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		pins := map[string]Pin{}
		for _, m := range mods {
			if pin, ok := m.Requires[p]; ok {
				pins[m.File] = pin
			}
		}
		errs = append(errs, differ(p, p, pins)...)
	}
	return errs
}

// differ reports the files whose pin is not the common one.
func differ(what, label string, pins map[string]Pin) []error {
	want, n := common(pins)
	var errs []error
	for _, file := range slices.Sorted(maps.Keys(pins)) {
		pin := pins[file]
		if pin.Version == want {
			continue
		}
		errs = append(errs, fmt.Errorf("%s:%d: %s %s, while %d other example(s) pin %s: run make bump, or go get %s@%s in that folder",
			file, pin.Line, label, pin.Version, n, want, what, want))
	}
	return errs
}

// common returns the version most pins have (the newest on a tie) and how
// many have it.
func common(pins map[string]Pin) (string, int) {
	count := map[string]int{}
	for _, p := range pins {
		count[p.Version]++
	}
	var best string
	for v, n := range count {
		if best == "" || n > count[best] || n == count[best] && newer(v, best) {
			best = v
		}
	}
	return best, count[best]
}

func newer(a, b string) bool {
	if !strings.HasPrefix(a, "v") { // a go directive: 1.26.0
		a, b = "v"+a, "v"+b
	}
	return semver.Compare(a, b) > 0
}

// OlderOnPurpose marks an import of an older semantic conventions package
// that a page shows on purpose (the schema URL conflict): put it in the
// import line's comment.
const OlderOnPurpose = "older on purpose"

var semconvImport = regexp.MustCompile(`"go\.opentelemetry\.io/otel/semconv/(v[0-9][0-9.]*)(/[a-z0-9/]+)?"`)

// SemconvDrift returns one error per import of a semantic conventions
// package whose version differs from the one most imports use, in the .go
// files under root/examples. An import whose line says OlderOnPurpose is
// left out.
func SemconvDrift(root string) ([]error, error) {
	pins := map[string]Pin{} // "file:line" -> version
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".go" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		sc := bufio.NewScanner(bytes.NewReader(data))
		for line := 1; sc.Scan(); line++ {
			m := semconvImport.FindSubmatch(sc.Bytes())
			if m == nil || bytes.Contains(sc.Bytes(), []byte(OlderOnPurpose)) {
				continue
			}
			pins[fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line)] = Pin{Version: string(m[1])}
		}
		return sc.Err()
	})
	if err != nil {
		return nil, err
	}
	want, n := common(pins)
	var errs []error
	for _, at := range slices.Sorted(maps.Keys(pins)) {
		if v := pins[at].Version; v != want {
			errs = append(errs, fmt.Errorf("%s: go.opentelemetry.io/otel/semconv/%s, while %d other import(s) use semconv/%s: import that one, or mark the line %q if the page shows the older one on purpose",
				at, v, n, want, "// "+OlderOnPurpose))
		}
	}
	return errs, nil
}
