package verify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/testcontainers/gobuilder"
	"oteldocs.dev/testcontainers/images"
	tcservices "oteldocs.dev/testcontainers/services"
)

// Verify's cache. A result depends on the example's files (go.mod, go.sum,
// verify.yaml and the code: results.Fingerprint), the images of the
// services it runs against (their recipe hashes), the Go toolchain, and
// verify itself (selfHash: the source it is built from, so any change to
// verify, the matcher or the Collector's embedded recipe counts). cacheKey hashes
// those as labelled lines. A passing result whose key equals the current
// one is reused as it is, with the date of the run that produced it, unless
// Config.Force; Config.Strict turns a miss into an error. Only passing
// results are reused: a failure is always run again.

// Cache modes of Config.Cache.
const (
	CacheUse    = ""       // reuse what is unchanged, run the rest
	CacheForce  = "force"  // run everything
	CacheStrict = "strict" // run nothing: every example must be unchanged since a passing run
)

// cacheKey returns "sha256:<hex>" over the labelled lines of what verifying
// ex depends on.
func cacheKey(ex Example, fingerprint, goVersion string) (string, error) {
	self, err := selfHash()
	if err != nil {
		return "", err
	}
	lines := []string{
		"example " + ex.ID,
		"files " + fingerprint,
		"go " + goVersion,
		"verify " + self,
	}
	names := slices.Sorted(maps.Keys(needsOf([]Example{ex})))
	if ex.Spec.Deploy != nil {
		names = append(names, "gobuilder")
	}
	for _, n := range names {
		if n == browserService {
			continue // Chromium on the host, not an image of ours
		}
		h, err := recipeHash(n)
		if err != nil {
			return "", err
		}
		lines = append(lines, "image "+n+" "+h)
	}
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n") + "\n"))
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// recipeHash is the hash of the image recipe of a service (or of the Go
// builder that deploy uses), computed once per name.
func recipeHash(name string) (string, error) {
	recipeMu.Lock()
	defer recipeMu.Unlock()
	if h, ok := recipeHashes[name]; ok {
		return h, nil
	}
	var r images.Recipe
	if name == "gobuilder" {
		r = gobuilder.Image()
	} else {
		st, err := tcservices.For(name)
		if err != nil {
			return "", err
		}
		r = st.Image()
	}
	h, err := r.Hash()
	if err != nil {
		return "", err
	}
	recipeHashes[name] = h
	return h, nil
}

var (
	recipeMu     sync.Mutex
	recipeHashes = map[string]string{}
)

// selfHash identifies verify's own behaviour: the source of every package
// of the repository's module that cmd/verify is built from (go list -deps),
// with go.mod and go.sum, so go run and a built binary agree and an edit to
// docgen does not count. Where the go command cannot list them (a verify
// binary run elsewhere) it falls back to the hash of the executable.
var selfHash = sync.OnceValues(func() (string, error) {
	if h, err := sourceHash("."); err == nil { // verify runs from the repository root (make verify)
		return h, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("verify's cache: find verify's own executable: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("verify's cache: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("verify's cache: %w", err)
	}
	return "binary:" + hex.EncodeToString(h.Sum(nil)), nil
})

// sourceHash hashes the non-test Go files of the module's packages that
// cmd/verify depends on, and go.mod and go.sum, under the module root.
func sourceHash(root string) (string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./cmd/verify")
	cmd.Dir, cmd.Env = root, append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	files := []string{filepath.Join(abs, "go.mod"), filepath.Join(abs, "go.sum")}
	for _, dir := range strings.Fields(string(out)) {
		if rel, err := filepath.Rel(abs, dir); err != nil || strings.HasPrefix(rel, "..") {
			continue // a dependency from the module cache: go.sum names it
		}
		goFiles, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range goFiles {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	slices.Sort(files)
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(abs, f)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return "source:" + hex.EncodeToString(h.Sum(nil)), nil
}

// cached returns the last result of ex if it can stand for a run now: it
// passed, its key is key, and what it captured is still on disk.
func cached(prev *results.File, out, id, key string) (results.Example, bool) {
	r, ok := prev.Lookup(id)
	if !ok || r.Status != results.StatusPass || r.CacheKey == "" || r.CacheKey != key {
		return results.Example{}, false
	}
	if _, err := os.Stat(filepath.Join(out, results.ExampleDir(id))); err != nil {
		return results.Example{}, false
	}
	return r, true
}

// whyNotCached says why ex has no reusable result, for -cached=strict.
func whyNotCached(prev *results.File, id, key string) string {
	r, ok := prev.Lookup(id)
	switch {
	case !ok:
		return "never verified"
	case r.Status != results.StatusPass:
		return "its last run failed"
	case r.CacheKey != key:
		return "its files, the images it uses, Go or verify changed since the run of " + r.VerifiedAt.UTC().Format("2006-01-02 15:04")
	}
	return "its captured telemetry is missing"
}

// useCache records the examples whose last passing result still stands
// (cache.go) and returns the others, to run. With CacheStrict any other is
// an error; with CacheForce every example runs.
func (s *session) useCache(exs []Example) ([]Example, error) {
	prev := s.prev
	var err error
	s.prints, s.keys = map[string]string{}, map[string]string{}
	var todo []Example
	var misses []string
	for _, ex := range exs {
		// Before the build: an edit during the run makes the result stale, not current.
		if s.prints[ex.ID], err = results.Fingerprint(os.DirFS(ex.Dir)); err != nil {
			return nil, fmt.Errorf("%s: %w", ex.Dir, err)
		}
		if s.keys[ex.ID], err = cacheKey(ex, s.prints[ex.ID], s.goVersion); err != nil {
			return nil, err
		}
		if s.cfg.Cache != CacheForce {
			if r, ok := cached(prev, s.cfg.Out, ex.ID, s.keys[ex.ID]); ok {
				s.record(r, "cached: verified "+r.VerifiedAt.UTC().Format("2006-01-02 15:04"))
				s.reused++
				continue
			}
		}
		if s.cfg.Cache == CacheStrict {
			misses = append(misses, ex.ID+": "+whyNotCached(prev, ex.ID, s.keys[ex.ID]))
		}
		todo = append(todo, ex)
	}
	if len(misses) > 0 {
		return nil, fmt.Errorf("-cached=strict: %d example(s) have no result to reuse; run verify without -cached=strict:\n  %s", len(misses), strings.Join(misses, "\n  "))
	}
	return todo, nil
}
