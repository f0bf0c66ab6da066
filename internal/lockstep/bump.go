package lockstep

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Latest asks the module proxy for the newest release of a module path.
func Latest(ctx context.Context, path string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Version}}", path+"@latest")
	cmd.Dir = os.TempDir() // outside any module: the query needs none
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go list -m %s@latest: %v: %s", path, err, strings.TrimSpace(string(out)))
	}
	return strings.TrimSpace(string(out)), nil
}

// Bump moves every example under root to the newest release of each
// tracked module it requires (go get), then tidies it (go mod tidy),
// printing each step on out. With dryRun it only prints the plan. The go
// directive and the semantic conventions imports are left as they are:
// moving them is an edit a reader should see in review.
func Bump(ctx context.Context, root string, out io.Writer, dryRun bool) error {
	mods, err := Load(root)
	if err != nil {
		return err
	}
	latest := map[string]string{}
	for _, m := range mods {
		for p := range m.Requires {
			latest[p] = ""
		}
	}
	for _, p := range slices.Sorted(maps.Keys(latest)) {
		v, err := Latest(ctx, p)
		if err != nil {
			return err
		}
		latest[p] = v
		fmt.Fprintf(out, "bump: %s %s\n", p, v)
	}
	for i, m := range mods {
		var args []string
		for _, p := range slices.Sorted(maps.Keys(m.Requires)) {
			if m.Requires[p].Version != latest[p] {
				args = append(args, p+"@"+latest[p])
			}
		}
		dir := filepath.Join(root, filepath.Dir(filepath.FromSlash(m.File)))
		fmt.Fprintf(out, "bump: [%d/%d] %s: %d module(s) to move\n", i+1, len(mods), m.File, len(args))
		if dryRun || len(args) == 0 {
			continue
		}
		if err := gocmd(ctx, dir, append([]string{"get"}, args...)...); err != nil {
			return fmt.Errorf("%s: %w", m.File, err)
		}
		if err := gocmd(ctx, dir, "mod", "tidy"); err != nil {
			return fmt.Errorf("%s: %w", m.File, err)
		}
	}
	return nil
}

func gocmd(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}
