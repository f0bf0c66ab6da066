package metadata_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/images/imagestest"
	"oteldocs.dev/testcontainers/metadata"
	"oteldocs.dev/testcontainers/metadata/emulator"
)

// The image runs, answers on the published port, and ServeAt puts Azure's
// IMDS at 169.254.169.254 inside the container's namespace only.
func TestImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine, and root for ServeAt)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	img := imagestest.Ensure(ctx, t, metadata.Image())
	c, err := metadata.Run(ctx, img)
	testcontainers.CleanupContainer(t, c)
	if err != nil {
		t.Fatal(err)
	}
	hp, err := c.HostPort(ctx)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+hp+"/computeMetadata/v1/project/project-id", nil)
	req.Header.Set("Metadata-Flavor", "Google")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != emulator.GCPProjectID {
		t.Errorf("project-id: got %q, want %q", b, emulator.GCPProjectID)
	}

	ns, err := c.ServeAt(ctx, metadata.AzureIMDSAddress)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.CommandContext(ctx, "nsenter", "--net="+ns.Path, "ip", "-brief", "addr", "show", "lo").CombinedOutput()
	if err != nil || !strings.Contains(string(out), metadata.AzureIMDSAddress) {
		t.Errorf("the namespace's loopback lacks %s: %v\n%s", metadata.AzureIMDSAddress, err, out)
	}
	host, _ := exec.CommandContext(ctx, "ip", "-brief", "addr", "show", "lo").CombinedOutput()
	if strings.Contains(string(host), metadata.AzureIMDSAddress) {
		t.Errorf("the host's loopback got %s: it must stay inside the container", metadata.AzureIMDSAddress)
	}
}
