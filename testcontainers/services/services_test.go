package services

import (
	"strings"
	"testing"

	"oteldocs.dev/internal/service"
)

// Every service of the registry can be started, and nothing is started
// that the registry does not list.
func TestRegistered(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	for _, name := range service.Names() {
		s, _ := For(name)
		if s.Image == nil || s.Start == nil {
			t.Errorf("%s: Image and Start are both needed", name)
			continue
		}
		if r := s.Image(); r.Ref == "" {
			t.Errorf("%s: its image recipe has no reference", name)
		}
	}
}

// A registry entry without a Starter names the file to add.
func TestMissingStarter(t *testing.T) {
	saved, ok := starters["mqtt"]
	delete(starters, "mqtt")
	defer func() {
		if ok {
			starters["mqtt"] = saved
		}
	}()
	_, err := For("mqtt")
	if err == nil || !strings.Contains(err.Error(), "add testcontainers/services/mqtt.go") {
		t.Errorf("For(mqtt) without its file: %v", err)
	}
	if err := Check(); err == nil {
		t.Error("Check passed without the mqtt starter")
	}
	if _, err := For("no-such-service"); err == nil || !strings.Contains(err.Error(), "unknown service") {
		t.Errorf("For(no-such-service) = %v", err)
	}
}

func TestCheckEnv(t *testing.T) {
	if err := CheckEnv("postgres", map[string]string{"DATABASE_URL": "x"}); err != nil {
		t.Error(err)
	}
	err := CheckEnv("postgres", map[string]string{"PGHOST": "x"})
	if err == nil || !strings.Contains(err.Error(), "gives PGHOST") {
		t.Errorf("CheckEnv(postgres, PGHOST) = %v", err)
	}
}

func TestOrdered(t *testing.T) {
	got := strings.Join(ordered([]string{"mqtt", "extra", "collector"}), " ")
	if got != "collector mqtt extra" {
		t.Errorf("ordered = %q, want the registry's order, unknown last", got)
	}
}
