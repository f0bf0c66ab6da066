package verify

import (
	"context"
	"os/exec"
	"slices"
	"testing"

	"oteldocs.dev/internal/spec"
)

// A run.container case runs the program through docker exec, with the
// case's environment and the program's arguments.
func TestInContainer(t *testing.T) {
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("no docker command")
	}
	cmd := exec.Command("/bin/prog", "-v")
	inContainer(context.Background(), cmd)
	if !slices.Equal(cmd.Args, []string{"/bin/prog", "-v"}) {
		t.Errorf("without a container: %q", cmd.Args)
	}
	line := dockerExec("c0ffee", "/oteldocs-example/x", []string{"A=1", "B=two words"})
	inContainer(context.WithValue(context.Background(), containerKey{}, line), cmd)
	want := []string{"docker", "exec", "-e", "A=1", "-e", "B=two words", "c0ffee", "/oteldocs-example/x", "-v"}
	if !slices.Equal(cmd.Args, want) {
		t.Errorf("in a container: got %q, want %q", cmd.Args, want)
	}
}

// Only what verify gives and run.env reach the container.
func TestGivenOnly(t *testing.T) {
	sp, err := spec.ParseBytes("verify.yaml", []byte("run:\n  env: {AWS_REGION: eu-west-1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := givenOnly([]string{"HOME=/root", "AWS_CA_BUNDLE=/etc/ssl/x.crt", "AWS_REGION=eu-west-1",
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:1", "KUBERNETES_SERVICE_HOST=127.0.0.1"}, sp)
	want := []string{"AWS_REGION=eu-west-1", "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:1", "KUBERNETES_SERVICE_HOST=127.0.0.1"}
	if !slices.Equal(got, want) {
		t.Errorf("givenOnly: got %q, want %q", got, want)
	}
}
