package verify

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"testing"

	"oteldocs.dev/testcontainers/metadata"
)

// Only the OTLP endpoints move to the gateway; other variables stay.
func TestViaGateway(t *testing.T) {
	ns := metadata.Netns{Path: "/proc/1/ns/net", Gateway: "172.17.0.1"}
	got := viaGateway([]string{
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:32768",
		"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://localhost:32768/v1/traces",
		"OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
		"GCE_METADATA_HOST=127.0.0.1:32769",
		"AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:32770",
		"FAILOVER_OTLP_ENDPOINT=http://127.0.0.1:32771",
		"OTHER=http://127.0.0.1:1",
	}, ns)
	want := []string{
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://172.17.0.1:32768",
		"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://172.17.0.1:32768/v1/traces",
		"OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
		"GCE_METADATA_HOST=172.17.0.1:32769",
		"AWS_EC2_METADATA_SERVICE_ENDPOINT=http://172.17.0.1:32770",
		"FAILOVER_OTLP_ENDPOINT=http://172.17.0.1:32771",
		"OTHER=http://127.0.0.1:1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("viaGateway:\n got %q\nwant %q", got, want)
	}
}

// A command runs under nsenter only when the context carries a namespace.
func TestInNetns(t *testing.T) {
	if _, err := exec.LookPath("nsenter"); err != nil {
		t.Skip("no nsenter")
	}
	cmd := exec.Command("/bin/prog", "-v")
	inNetns(context.Background(), cmd)
	if !slices.Equal(cmd.Args, []string{"/bin/prog", "-v"}) {
		t.Errorf("without a namespace: %q", cmd.Args)
	}
	inNetns(context.WithValue(context.Background(), netnsKey{}, "/proc/7/ns/net"), cmd)
	want := []string{"nsenter", "--net=/proc/7/ns/net", "--", "/bin/prog", "-v"}
	if os.Geteuid() != 0 {
		want = []string{"sudo", "-n", "-E", "nsenter", "--net=/proc/7/ns/net",
			"--setuid=" + strconv.Itoa(os.Geteuid()), "--setgid=" + strconv.Itoa(os.Getegid()), "--", "/bin/prog", "-v"}
		if _, err := exec.LookPath("sudo"); err != nil {
			t.Skip("not root, and no sudo")
		}
	}
	if !slices.Equal(cmd.Args, want) {
		t.Errorf("in a namespace: got %q, want %q", cmd.Args, want)
	}
}
