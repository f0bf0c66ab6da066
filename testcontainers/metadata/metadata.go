// Package metadata provides the cloud metadata emulator that the examples of
// the cloud chapters run their resource detectors against: the project's own
// server (package emulator: Google Cloud, AWS EC2 and ECS, Azure IMDS on
// one port, told apart by path), compiled on the host into a static binary
// in a FROM scratch image, and a Run helper in the style of
// testcontainers-go's modules.
//
// The recipe is the emulator's sources, _main/main.go and image/Dockerfile,
// embedded in the program, plus the Go version and target: changing any of
// them rebuilds the image, otherwise images.Ensure reports it up to date.
// Usage:
//
//	img, err := images.Ensure(ctx, metadata.Image(), os.Stderr)
//	if err != nil { ... }
//	c, err := metadata.Run(ctx, img)
//	defer testcontainers.TerminateContainer(c) // before the error check
//	if err != nil { ... }
//	hostPort, err := c.HostPort(ctx) // "127.0.0.1:32768", e.g. for GCE_METADATA_HOST
//
// No upstream image exists; OTELDOCS_METADATA_IMAGE may name another build.
package metadata

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"

	"oteldocs.dev/testcontainers/images"
)

// Ref is the local reference of the image; EnvImage selects another.
const (
	Ref      = "oteldocs/metadata:1"
	EnvImage = "OTELDOCS_METADATA_IMAGE"
)

// Port is the container port the emulator listens on.
const Port = "8080/tcp"

// goBuildArgs compile the static binary; they are part of the recipe hash.
var goBuildArgs = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o"}

// sources are the files compiled into the image: the emulator package (not
// its tests), the command and the Dockerfile.
//
//go:embed emulator/emulator.go emulator/gcp.go emulator/aws.go emulator/azure.go emulator/k8s.go _main/main.go image/Dockerfile
var sources embed.FS

// goMod is the module the sources are built in, outside the tooling module:
// the emulator needs only the standard library.
const goMod = "module oteldocs.dev/testcontainers/metadata\n\ngo 1.26.0\n"

// Image returns the recipe of oteldocs/metadata:1.
func Image() images.Recipe {
	return images.Recipe{
		Ref:   Ref,
		Files: sources,
		Extra: map[string]string{
			"go":     runtime.Version(),
			"target": "linux/" + runtime.GOARCH,
			"build":  "CGO_ENABLED=0 GOWORK=off go " + strings.Join(goBuildArgs, " "),
			"go.mod": goMod,
		},
		EnvOverride: EnvImage,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return build(ctx, labels, log)
		},
	}
}

// build writes the sources into a temporary module, compiles the binary
// into a build context beside it with the Dockerfile, and runs docker build.
func build(ctx context.Context, labels map[string]string, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "oteldocs-metadata-")
	if err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	defer os.RemoveAll(tmp)
	src, bctx := filepath.Join(tmp, "src"), filepath.Join(tmp, "context")
	if err := os.CopyFS(src, sources); err != nil {
		return fmt.Errorf("write the emulator's sources: %w", err)
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	if err := os.Mkdir(bctx, 0o755); err != nil {
		return fmt.Errorf("build context: %w", err)
	}
	fmt.Fprintf(log, "images: compiling the metadata emulator in %s\n", src)
	args := append(append([]string(nil), goBuildArgs...), filepath.Join(bctx, "metadata"), "./_main")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOWORK=off", "GOOS=linux", "GOARCH="+runtime.GOARCH, "GOFLAGS=-mod=mod")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build of the metadata emulator in %s: %w", src, err)
	}
	dockerfile, err := fs.ReadFile(sources, "image/Dockerfile")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(bctx, "Dockerfile"), dockerfile, 0o644); err != nil {
		return err
	}
	return images.Build(ctx, log, Ref, bctx, labels)
}

// Container is a running emulator.
type Container struct {
	testcontainers.Container
}

// Run starts img with port 8080 exposed and waits until /healthz answers.
// opts come after these defaults and override them. As with
// testcontainers.Run, a non-nil container may be returned with an error, so
// register its cleanup before checking the error.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	moduleOpts := []testcontainers.ContainerCustomizer{
		testcontainers.WithExposedPorts(Port),
		testcontainers.WithWaitStrategy(wait.ForHTTP("/healthz").WithPort(Port)),
	}
	ctr, err := testcontainers.Run(ctx, img, append(moduleOpts, opts...)...)
	var c *Container
	if ctr != nil {
		c = &Container{Container: ctr}
	}
	if err != nil {
		return c, fmt.Errorf("run the metadata emulator: %w", err)
	}
	return c, nil
}

// K8sPort is the port of the Kubernetes API, inside the container, when
// the emulator runs with -k8s-addr (the eks-api service); K8sOtherPort is
// that of another cluster's API, which has no EKS ConfigMaps.
const (
	K8sPort      = "8443"
	K8sOtherPort = "8444"
)

// AzurePort is the container port the Azure detector asks, on the fixed
// address AzureIMDSAddress.
const AzurePort = "80/tcp"

// AzureIMDSAddress is where Azure's Instance Metadata Service answers, and
// where the azurevm detector asks with no way to point it elsewhere.
const AzureIMDSAddress = "169.254.169.254"

// Netns is a network namespace a program can be run in (with nsenter), and
// the address of the host from inside it.
type Netns struct {
	Path    string // /proc/<pid>/ns/net of the container's process
	Gateway string // the container network's gateway: the host, as seen from the namespace
}

// ServeAt adds ip to the loopback interface of the container's own network
// namespace, so that a program run in that namespace (Netns) reaches the
// emulator at ip: on port 80 Azure's IMDS alone, on 8080 every provider.
// The host's routes are not touched: the address exists only inside the
// container. It runs nsenter and ip on the host, as root.
func (c *Container) ServeAt(ctx context.Context, ip string) (Netns, error) {
	return c.inNetns(ctx, "addr", "add", ip+"/32", "dev", "lo")
}

// Blackhole makes the container's network namespace drop every packet to
// ip, as a network off any cloud may do with 169.254.169.254: a program run
// there waits for an answer that never comes, until its own timeout.
func (c *Container) Blackhole(ctx context.Context, ip string) (Netns, error) {
	return c.inNetns(ctx, "route", "add", "blackhole", ip+"/32")
}

// inNetns runs `ip args...` inside the container's network namespace and
// returns that namespace.
func (c *Container) inNetns(ctx context.Context, args ...string) (Netns, error) {
	info, err := c.Inspect(ctx)
	if err != nil {
		return Netns{}, fmt.Errorf("inspect the metadata emulator: %w", err)
	}
	ns := Netns{Path: fmt.Sprintf("/proc/%d/ns/net", info.State.Pid)}
	for _, n := range info.NetworkSettings.Networks {
		if n.Gateway.IsValid() {
			ns.Gateway = n.Gateway.String()
		}
	}
	if info.State.Pid == 0 || ns.Gateway == "" {
		return Netns{}, fmt.Errorf("the metadata emulator has no process or no network gateway (pid %d, gateway %q)", info.State.Pid, ns.Gateway)
	}
	cmd := AsRoot(append([]string{"nsenter", "--net=" + ns.Path, "ip"}, args...))
	out, err := exec.CommandContext(ctx, cmd[0], cmd[1:]...).CombinedOutput()
	if err != nil {
		return Netns{}, fmt.Errorf("ip %s in the emulator's network namespace (nsenter and ip, as root or through sudo without a password; apt-get install util-linux iproute2): %v: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return ns, nil
}

// AsRoot returns the command line cmd run as root: as it is when this
// process is root, else through sudo without a password (sudo -n), with
// this process's environment (-E). Entering another network namespace
// needs root.
func AsRoot(cmd []string) []string {
	if os.Geteuid() == 0 {
		return cmd
	}
	return append([]string{"sudo", "-n", "-E"}, cmd...)
}

// HostPort returns the emulator's address as seen from the host, such as
// "127.0.0.1:32768": the form GCE_METADATA_HOST takes.
func (c *Container) HostPort(ctx context.Context) (string, error) {
	hp, err := c.PortEndpoint(ctx, Port, "")
	if err != nil {
		return "", fmt.Errorf("metadata emulator address: %w", err)
	}
	return hp, nil
}
