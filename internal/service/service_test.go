package service

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

var (
	validName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	validEnv  = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
)

// Every entry has a name examples can write, variables in the standard
// shape, and no variable is given by two services.
func TestRegistry(t *testing.T) {
	givenBy := map[string]string{}
	seen := map[string]bool{}
	for _, s := range All() {
		if !validName.MatchString(s.Name) || seen[s.Name] {
			t.Errorf("service %q: want a unique lower-case name", s.Name)
		}
		seen[s.Name] = true
		if s.About == "" {
			t.Errorf("service %q: say what it is (About)", s.Name)
		}
		for _, e := range s.Env {
			if !validEnv.MatchString(e) || strings.HasPrefix(e, "OTEL_") {
				t.Errorf("service %q gives %q: want an upper-case name outside OTEL_*, which verify sets", s.Name, e)
			}
			if other, ok := givenBy[e]; ok {
				t.Errorf("%s is given by both %s and %s", e, other, s.Name)
			}
			givenBy[e] = s.Name
		}
	}
	if !Known()["collector"] {
		t.Error("the registry lacks the collector every example exports to")
	}
	for e := range givenBy {
		if !GivesEnv(e) {
			t.Errorf("GivesEnv(%q) = false", e)
		}
	}
	if GivesEnv("PATH") {
		t.Error("GivesEnv(PATH) = true")
	}
}

// All returns a copy: a caller cannot change the registry.
func TestAllIsACopy(t *testing.T) {
	a := All()
	a[0].Name = "changed"
	for i := range a {
		if len(a[i].Env) > 0 {
			a[i].Env[0] = "CHANGED"
		}
	}
	if _, ok := Lookup("changed"); ok || GivesEnv("CHANGED") {
		t.Error("changing All's result changed the registry")
	}
}

// The registry is read by spec, which must stay light: neither it nor spec
// may depend on Docker code (testcontainers, the moby API).
func TestNoDockerDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	for _, pkg := range []string{"oteldocs.dev/internal/service", "oteldocs.dev/internal/spec"} {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "testcontainers") || strings.Contains(dep, "moby") || strings.Contains(dep, "docker") {
				t.Errorf("%s depends on %s: keep Docker code in oteldocs.dev/testcontainers/services", pkg, dep)
			}
		}
	}
}

// TestReaderComplete: every service says how a reader runs it, and gives a
// value for each variable it lists, or a download's README would tell the
// reader to export an empty variable.
func TestReaderComplete(t *testing.T) {
	for _, s := range All() {
		if s.Reader.Image == "" {
			t.Errorf("internal/service/service.go: %s has no Reader.Image: add the public image a reader runs", s.Name)
		}
		for _, k := range s.Env {
			if s.Reader.Values[k] == "" {
				t.Errorf("internal/service/service.go: %s gives %s but Reader.Values has no value for it: add the value against the container Reader starts", s.Name, k)
			}
		}
	}
}
