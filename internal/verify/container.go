package verify

import (
	"context"
	"fmt"
	"os/exec"
	"path"
	"runtime"
	"strings"

	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/metadata"
)

// A case with run.container runs its program inside the container of a
// service, with that container's files, cgroup and network: the EKS detector
// reads a pod's service account at fixed paths, and its container id from
// /proc/self/cgroup. verify builds the example once more as a static binary
// (CGO_ENABLED=0, as for run.arch), copies it into the container and runs it
// there with docker exec, passing with -e the variables verify gives and
// those of run.env, not the rest of verify's own environment. docker
// exec gives the program's output and exit status back. From inside, the
// host is the container network's gateway, as for run.netns (viaGateway).

// containerKey holds the docker exec command line in the context of execute.
type containerKey struct{}

// containerDir is where the example's binary is copied in the container.
const containerDir = "/oteldocs-example"

// enterContainer prepares a run.container case: the static binary in the
// service's container, and the context carrying the docker exec line that
// runs it with env (rewritten for the gateway).
func (s *services) enterContainer(ctx context.Context, ex Example, sp *spec.Spec, bin string, env []string) (context.Context, []string, error) {
	name := sp.Run.Container
	if name == "" {
		return ctx, env, nil
	}
	inst := s.running[name]
	if inst == nil || inst.Container == nil {
		return ctx, env, fmt.Errorf("%s:%d: run.container: %s is not running", sp.Path, sp.Line, name)
	}
	static := bin + "-static"
	if _, err := crossBuild(ctx, ex, runtime.GOARCH, ".", static, ""); err != nil {
		return ctx, env, fmt.Errorf("%s:%d: run.container: %w", sp.Path, sp.Line, err)
	}
	inside := path.Join(containerDir, ex.ID)
	if err := inst.Container.CopyFileToContainer(ctx, static, inside, 0o755); err != nil {
		return ctx, env, fmt.Errorf("%s:%d: run.container: copy the example into %s: %w", sp.Path, sp.Line, name, err)
	}
	info, err := inst.Container.Inspect(ctx)
	if err != nil {
		return ctx, env, fmt.Errorf("%s:%d: run.container: %w", sp.Path, sp.Line, err)
	}
	var gw string
	for _, n := range info.NetworkSettings.Networks {
		if n.Gateway.IsValid() {
			gw = n.Gateway.String()
		}
	}
	env = viaGateway(givenOnly(env, sp), metadata.Netns{Gateway: gw})
	return context.WithValue(ctx, containerKey{}, dockerExec(inst.Container.GetContainerID(), inside, env)), env, nil
}

// givenOnly keeps the variables verify gives and those of run.env: the
// rest of verify's own environment describes the host, not the container
// (a CA bundle path, say, that does not exist there).
func givenOnly(env []string, sp *spec.Spec) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if _, inSpec := sp.Run.Env[k]; inSpec || stripped(k) || k == spec.FailoverEnv {
			out = append(out, kv)
		}
	}
	return out
}

// dockerExec is the command line that runs bin in container id with env.
func dockerExec(id, bin string, env []string) []string {
	args := []string{"docker", "exec"}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	return append(args, id, bin)
}

// inContainer makes cmd run in the container ctx carries, if any, with the
// program's arguments.
func inContainer(ctx context.Context, cmd *exec.Cmd) {
	line, _ := ctx.Value(containerKey{}).([]string)
	if line == nil {
		return
	}
	if p, err := exec.LookPath(line[0]); err == nil {
		cmd.Path, cmd.Args = p, append(append([]string(nil), line...), cmd.Args[1:]...)
	}
}
