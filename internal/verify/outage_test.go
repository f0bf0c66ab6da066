package verify

import (
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	dockercontainer "github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/spec"
)

// A pattern the programs never print: no stop, a failure naming the field,
// and waitOutage does not block the alongside programs' stop.
func TestOutageNeverMatched(t *testing.T) {
	sp := &spec.Spec{Path: "verify.yaml"}
	sp.Collector.Outage = &spec.Outage{Line: 3, After: &spec.Value{Pattern: regexp.MustCompile("reading 2")}, For: spec.Duration{Duration: time.Second}}
	ctx, out := startOutage(context.Background(), nil, sp)
	if out == nil {
		t.Fatal("startOutage returned no outage for a case with collector.outage")
	}
	w := tapped(ctx, io.Discard)
	io.WriteString(w, "reading 1\n")
	waitOutage(ctx) // must return: the outage has not begun
	log, failures := out.finish()
	if len(log) != 0 {
		t.Errorf("log %q, want none: the Collector was never stopped", log)
	}
	if len(failures) != 1 || !strings.Contains(failures[0], "verify.yaml:3: collector.outage.after") {
		t.Errorf("failures %q, want one about collector.outage.after at verify.yaml:3", failures)
	}
}

// Without collector.outage, nothing is watched.
func TestOutageNone(t *testing.T) {
	ctx, out := startOutage(context.Background(), nil, &spec.Spec{})
	if out != nil || tapped(ctx, io.Discard) != io.Discard {
		t.Error("a case without collector.outage got an outage")
	}
}

// fixedPorts binds each Collector port to its own host port.
func TestFixedPorts(t *testing.T) {
	opt, err := fixedPorts()
	if err != nil {
		t.Fatal(err)
	}
	var req testcontainers.GenericContainerRequest
	if err := opt.Customize(&req); err != nil {
		t.Fatal(err)
	}
	hc := &dockercontainer.HostConfig{}
	req.HostConfigModifier(hc)
	seen := map[string]bool{}
	for p, b := range hc.PortBindings {
		if len(b) != 1 || b[0].HostPort == "" || b[0].HostPort == "0" || seen[b[0].HostPort] {
			t.Errorf("%s: bindings %v, want one fixed host port of its own", p, b)
		}
		seen[b[0].HostPort] = true
	}
	if len(seen) != 3 {
		t.Errorf("%d ports bound, want 3 (4317, 4318, 13133)", len(seen))
	}
}
