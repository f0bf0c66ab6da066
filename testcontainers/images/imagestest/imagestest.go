// Package imagestest holds the checks that every image package's
// integration test makes: the image builds, a second Ensure finds it up to
// date, and no container of the test is left at the end.
package imagestest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/images"
)

// Ensure builds r's image (or finds it), logging to t, and checks that a
// second Ensure does not build again. It returns the image to start.
func Ensure(ctx context.Context, t *testing.T, r images.Recipe) string {
	t.Helper()
	img, err := images.Ensure(ctx, r, logWriter{t})
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := images.Ensure(ctx, r, &again); err != nil {
		t.Fatal(err)
	}
	if os.Getenv(r.EnvOverride) == "" && (!strings.Contains(again.String(), "is up to date") || strings.Contains(again.String(), "building")) {
		t.Errorf("second Ensure should find the image up to date, it logged:\n%s", again.String())
	}
	return img
}

// NoneLeft checks that no container of this test session remains.
func NoneLeft(ctx context.Context, t *testing.T) {
	t.Helper()
	out, err := images.Docker(ctx, nil, "ps", "-aq", "--filter", "label=org.testcontainers.sessionId="+testcontainers.SessionID())
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out) != "" {
		t.Errorf("containers left behind: %s", out)
	}
}

// logWriter sends what it is given to t.Log, one call per write.
type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
