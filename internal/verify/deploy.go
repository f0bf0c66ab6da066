package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"oteldocs.dev/testcontainers/gobuilder"
	"oteldocs.dev/testcontainers/images"
)

// checkDeploy checks the files of the spec's deploy section (spec.Deploy):
// it builds the Dockerfile with the local engine and validates each
// Collector configuration with the Collector image verify runs. It returns
// one failure per file that does not pass, naming verify.yaml's line.
func checkDeploy(ctx context.Context, cfg Config, svc *services, ex Example) []string {
	d := ex.Spec.Deploy
	if d == nil {
		return nil
	}
	at := func(line int) string { return fmt.Sprintf("%s:%d", ex.Spec.Path, line) }
	var failures []string
	if d.Dockerfile != "" {
		if err := buildDockerfile(ctx, cfg.Log, ex, d.Dockerfile); err != nil {
			failures = append(failures, fmt.Sprintf("%s: deploy.dockerfile %s: %v", at(d.DockerfileLine), d.Dockerfile, err))
		}
	}
	image := runningCollectorImage(ctx, svc)
	for i, f := range d.CollectorConfigs {
		if err := validateCollectorConfig(ctx, image, filepath.Join(ex.Dir, filepath.FromSlash(f))); err != nil {
			failures = append(failures, fmt.Sprintf("%s: deploy.collector_configs[%d] %s: the Collector's validate command refused it: %v", at(d.ConfigLines[i]), i, f, err))
		} else {
			fmt.Fprintf(cfg.Log, "verify: %s: %s: valid for %s (%.19s)\n", ex.ID, f, svc.collImage, image)
		}
	}
	return failures
}

// runningCollectorImage is the image id of the Collector container that
// receives the examples' telemetry, so that validate runs the very build
// that serves. The tag (svc.collImage) is the fallback: another checkout on
// the same engine may point it at another build meanwhile.
func runningCollectorImage(ctx context.Context, svc *services) string {
	if svc.collector == nil {
		return svc.collImage
	}
	id, err := images.Docker(ctx, nil, "container", "inspect", "--format", "{{.Image}}", svc.collector.GetContainerID())
	if id = strings.TrimSpace(id); err != nil || id == "" {
		return svc.collImage
	}
	return id
}

// buildDockerfile builds the example's Dockerfile with its folder as the
// context. GO_IMAGE is the local Go builder image (golang images cannot be
// pulled here); the build uses the host's network so that `go mod
// download` reaches the module proxy. The image is removed afterwards.
func buildDockerfile(ctx context.Context, log io.Writer, ex Example, dockerfile string) error {
	path := filepath.Join(ex.Dir, filepath.FromSlash(dockerfile))
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%v: create it or fix the path", err)
	}
	goImage, err := images.Ensure(ctx, gobuilder.Image(), log)
	if err != nil {
		return fmt.Errorf("the Go builder image: %v", err)
	}
	tag := "oteldocs/verify-" + ex.ID + ":" + randomHex(4)
	t0 := time.Now()
	_, err = images.Docker(ctx, nil, "build", "--network", "host", "--build-arg", "GO_IMAGE="+goImage, "-f", path, "-t", tag, ex.Dir)
	if err != nil {
		return fmt.Errorf("docker build failed: %v", err)
	}
	// A fresh context: the image goes even when ctx was cancelled.
	rmCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	defer images.Docker(rmCtx, nil, "rmi", tag)
	size, _ := images.Docker(ctx, nil, "image", "inspect", "--format", "{{.Size}}", tag)
	fmt.Fprintf(log, "verify: %s: built %s in %s with GO_IMAGE=%s (%s bytes)\n", ex.ID, dockerfile, since(t0), goImage, strings.TrimSpace(size))
	return nil
}

// validateCollectorConfig runs `validate` of the Collector image on the
// file, given through the environment (the distribution's env provider),
// so no file has to be mounted into the container.
func validateCollectorConfig(ctx context.Context, image, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%v: create it or fix the path", err)
	}
	name := "oteldocs-validate-" + randomHex(4)
	// Removed on every path, Ctrl-C included: the docker CLI dying with
	// ctx does not stop the container.
	defer func() {
		rmCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		images.Docker(rmCtx, nil, "rm", "-f", name)
	}()
	var stderr bytes.Buffer
	_, err = images.Docker(ctx, &stderr, "run", "--name", name, "-e", "OTELDOCS_CONFIG="+string(b), image,
		"validate", "--config=env:OTELDOCS_CONFIG")
	if err != nil {
		if msg := validateMessage(stderr.String()); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	return nil
}

// validateMessage keeps what the Collector said is wrong from the error of
// docker run's standard error: its "Error:" lines, up to the log line
// that repeats them.
func validateMessage(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.Contains(l, "collector server run finished with error") {
			break // the log line, then the same message again
		}
		if l == "" {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, " ")
}
