// Package results is the contract between cmd/verify, which writes
// build/verify/results.json, and cmd/docgen, which reads it to show
// verification badges, provenance and the telemetry each example sent.
//
// The file is a JSON object:
//
//	{
//	  "generated": "2026-11-26T03:00:00Z",
//	  "versions": {"go": "go1.26.8", "otel": "v1.47.0", "collector": "v0.161.0"},
//	  "examples": [
//	    {
//	      "id": "quickstart",
//	      "status": "pass",
//	      "level": "asserted",
//	      "duration_ms": 5120,
//	      "failures": [],
//	      "versions": {...},
//	      "telemetry": "build/verify/quickstart",
//	      "verified_at": "2026-11-26T03:00:05Z",
//	      "cases": ["gzip"],
//	      "fingerprint": "sha256:..."
//	    }
//	  ]
//	}
//
// The telemetry folder holds traces.json, metrics.json and logs.json: the
// OTLP JSON documents the Collector received for that example, one per line,
// filtered to the example's run (attribute RunIDKey), and output.txt. The
// layout of the whole folder is in layout.go; Open reads it.
//
// "cases" and "fingerprint" are optional (older files lack them): the named
// cases of verify.yaml that ran besides the main one, and the Fingerprint
// of the example's files when verify started on it.
package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"
)

// Level is how far an example got. Each level implies the ones before it.
type Level string

const (
	LevelNone     Level = ""         // not even compiled
	LevelCompiled Level = "compiled" // go vet and go build passed in its module
	LevelRan      Level = "ran"      // the program exited 0 within its timeout
	LevelAsserted Level = "asserted" // every expectation matched what the Collector received
)

// Status is the verdict of one example.
type Status string

const (
	StatusPass Status = "pass"
	StatusFail Status = "fail"
)

// Versions records what an example was verified with.
type Versions struct {
	Go        string `json:"go,omitempty"`
	Otel      string `json:"otel,omitempty"`      // go.opentelemetry.io/otel as required by the example
	Collector string `json:"collector,omitempty"` // the Collector core version of the image
}

// Example is the result of verifying one examples/<id>.
type Example struct {
	ID         string    `json:"id"`
	Status     Status    `json:"status"`
	Level      Level     `json:"level"`
	DurationMS int64     `json:"duration_ms"`
	Failures   []string  `json:"failures"`
	Versions   Versions  `json:"versions"`
	Telemetry  string    `json:"telemetry,omitempty"` // folder relative to the repository root
	VerifiedAt time.Time `json:"verified_at"`
	// Cases are the named cases run besides the main one; optional.
	Cases []string `json:"cases,omitempty"`
	// Fingerprint of examples/<id> as verified (see Fingerprint); optional.
	Fingerprint string `json:"fingerprint,omitempty"`
	// CacheKey is what the result depended on: the example's files, the
	// images of the services it used, Go and verify itself (see verify's
	// cache); a later run with the same key reuses the result. Optional.
	CacheKey string `json:"cache_key,omitempty"`
}

// File is the whole of results.json.
type File struct {
	Generated time.Time `json:"generated"`
	Versions  Versions  `json:"versions"`
	Examples  []Example `json:"examples"`
}

// Lookup returns the result for id, or false.
func (f *File) Lookup(id string) (Example, bool) {
	if f == nil {
		return Example{}, false
	}
	for _, e := range f.Examples {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

// Put adds or replaces the result for e.ID, keeping examples sorted by id, so
// that a run of a subset (verify -run) keeps the results of the others.
func (f *File) Put(e Example) {
	for i := range f.Examples {
		if f.Examples[i].ID == e.ID {
			f.Examples[i] = e
			return
		}
	}
	f.Examples = append(f.Examples, e)
	sort.Slice(f.Examples, func(i, j int) bool { return f.Examples[i].ID < f.Examples[j].ID })
}

// Read loads path. A missing file is not an error: it returns (nil, nil),
// meaning nothing has been verified yet.
func Read(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Update applies change to the file at path (empty if absent) and writes
// it back, holding an exclusive lock (path + ".lock") throughout, so that
// two verify runs at once each keep the other's results.
func Update(path string, change func(*File)) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	lock, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("lock %s: %w", path, err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	f, err := Read(path)
	if err != nil {
		return err
	}
	if f == nil {
		f = &File{}
	}
	change(f)
	return Write(path, f)
}

// Write stores f at path, creating its folder, through a temporary file so a
// reader never sees half a file.
func Write(path string, f *File) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// A name of its own: two writers in one process must not share it.
	out, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := out.Name()
	_, err = out.Write(b)
	err = errors.Join(err, out.Chmod(0o644), out.Close())
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
