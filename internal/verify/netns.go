package verify

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/metadata"
)

// A case with run.netns runs its program inside the network namespace of a
// service's container: there the service answers at an address that no
// variable can change (Azure's 169.254.169.254), while the host's own routes
// stay as they are. The program still runs from the host's files, with
// nsenter --net, which enters the namespace and executes it (no fork, so
// signals and the exit status are the program's). That needs root; a
// verify that is not root goes through sudo -n, and nsenter switches back
// to verify's user before it executes the program. From inside, the host is
// the container network's gateway: the addresses verify gives as 127.0.0.1
// (the Collector's endpoints, the services' variables) are rewritten to it
// (Docker publishes ports on every address).

// netnsKey holds the namespace path in the context of execute.
type netnsKey struct{}

// enterNetns returns ctx carrying the namespace of the service sp.Run.Netns
// names, and env with the Collector's endpoints rewritten for it.
func (s *services) enterNetns(ctx context.Context, sp *spec.Spec, env []string) (context.Context, []string, error) {
	if sp.Run.Netns == "" {
		return ctx, env, nil
	}
	inst := s.running[sp.Run.Netns]
	if inst == nil || inst.Netns == nil {
		return ctx, env, fmt.Errorf("%s:%d: run.netns: %s is not running or has no network namespace", sp.Path, sp.Line, sp.Run.Netns)
	}
	if _, err := exec.LookPath("nsenter"); err != nil {
		return ctx, env, fmt.Errorf("%s:%d: run.netns needs nsenter (apt-get install util-linux), and root or sudo without a password: %v", sp.Path, sp.Line, err)
	}
	return context.WithValue(ctx, netnsKey{}, inst.Netns.Path), viaGateway(env, *inst.Netns), nil
}

// viaGateway rewrites the variables verify gives (the OTLP endpoints, the
// second Collector's and the services' variables) from 127.0.0.1 or localhost to the namespace's
// gateway.
func viaGateway(env []string, ns metadata.Netns) []string {
	out := make([]string, len(env))
	for i, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		otlp := strings.HasPrefix(k, "OTEL_EXPORTER_OTLP_") && strings.HasSuffix(k, "ENDPOINT")
		if otlp || k == spec.FailoverEnv || service.GivesEnv(k) {
			for _, local := range []string{"127.0.0.1:", "localhost:"} {
				if strings.HasPrefix(v, local) { // host:port, as GCE_METADATA_HOST
					v = ns.Gateway + ":" + strings.TrimPrefix(v, local)
				}
				v = strings.Replace(v, "//"+local, "//"+ns.Gateway+":", 1)
			}
			kv = k + "=" + v
		}
		out[i] = kv
	}
	return out
}

// inNetns makes cmd run inside the namespace ctx carries, if any. Not
// being root, verify enters it through sudo (metadata.AsRoot) and nsenter
// then runs the program as this user again.
func inNetns(ctx context.Context, cmd *exec.Cmd) {
	path, _ := ctx.Value(netnsKey{}).(string)
	if path == "" {
		return
	}
	args := []string{"nsenter", "--net=" + path}
	if uid := os.Geteuid(); uid != 0 {
		args = append(args, "--setuid="+strconv.Itoa(uid), "--setgid="+strconv.Itoa(os.Getegid()))
	}
	args = metadata.AsRoot(append(append(args, "--"), cmd.Args...))
	if p, err := exec.LookPath(args[0]); err == nil {
		cmd.Path, cmd.Args = p, args
	}
}
