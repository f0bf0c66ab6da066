// Package redis provides the Redis server that examples run against: an
// image built here from Debian bookworm's redis-server 7.0 package (no
// registry needed), and a Run helper in the style of testcontainers-go's
// modules.
//
// The image, oteldocs/redis:7, is a rootfs made by mmdebstrap and loaded with
// a single `docker import`, whose --change options set the command, the
// exposed port and the recipe label, as for testcontainers/mosquitto:
//   - mmdebstrap --variant=essential: the Essential:yes packages plus
//     redis-server and its dependencies, no apt; the merged-usr hook keeps
//     usrmerge and perl out; manuals, docs (but copyrights), info pages and
//     translations are left out.
//   - image/redis.conf is copied to /usr/local/etc/redis/redis.conf, and
//     CMD is `redis-server` on it, in the foreground, logging to standard
//     output.
//   - the configuration: port 6379 on every interface, no protected mode,
//     no persistence.
//
// The recipe is the folder image/ plus the build arguments in this file:
// changing either rebuilds the image, otherwise images.Ensure reports it up
// to date. Usage:
//
//	img, err := images.Ensure(ctx, redis.Image(), os.Stderr)
//	if err != nil { ... }
//	c, err := redis.Run(ctx, img)
//	defer testcontainers.TerminateContainer(c) // before the error check
//	if err != nil { ... }
//	url, err := c.URL(ctx) // "redis://127.0.0.1:32768/0", e.g. for REDIS_URL
//
// OTELDOCS_REDIS_IMAGE (e.g. redis:7) selects an upstream image instead; Run
// works with it unchanged, because it copies the same configuration into the
// container and passes the command itself.
package redis

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"

	"oteldocs.dev/testcontainers/images"
)

// Image names, and the variable that selects an upstream image instead.
const (
	Ref         = "oteldocs/redis:7"
	EnvOverride = "OTELDOCS_REDIS_IMAGE"
)

// Port is the container port of the server.
const Port = "6379/tcp"

// ConfigPath is where the configuration lives in the container.
const ConfigPath = "/usr/local/etc/redis/redis.conf"

const mirror = "http://deb.debian.org/debian"

// config is image/redis.conf, which Run copies into the container.
//
//go:embed image/redis.conf
var config []byte

// command starts the server in the foreground on ConfigPath.
var command = []string{"redis-server", ConfigPath}

// changes are the image settings given to `docker import`; the labels are
// added to them.
var changes = []string{
	`CMD ["` + strings.Join(command, `", "`) + `"]`,
	"ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"EXPOSE 6379",
}

// mmdebstrapArgs returns the arguments that write the rootfs to tarPath,
// copying the configuration from the host file conf.
func mmdebstrapArgs(conf, tarPath string) []string {
	args := []string{
		// Essential:yes packages only (no apt): redis-server runs with them.
		"--variant=essential",
		// Install usr-is-merged: otherwise usrmerge, and with it perl, comes in.
		"--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr",
		"--include=redis-server",
	}
	args = append(args, images.LeanDpkg()...)
	return append(args,
		`--customize-hook=mkdir -p "$1/usr/local/etc/redis"`,
		"--customize-hook=upload "+conf+" "+ConfigPath,
		`--customize-hook=chmod 0644 "$1`+ConfigPath+`" && chroot "$1" redis-server --version`,
		"bookworm", tarPath, mirror,
	)
}

// Image returns the recipe of oteldocs/redis:7.
func Image() images.Recipe {
	return images.Rootfs{
		Ref:        Ref,
		What:       "redis-server (about 30 s)",
		Mmdebstrap: func(dir, tar string) []string { return mmdebstrapArgs(filepath.Join(dir, "redis.conf"), tar) },
		Changes:    changes,
	}.Recipe(recipeFiles(), EnvOverride)
}

// recipe holds the folder image/, compiled into the program so that the
// recipe does not depend on the source tree.
//
//go:embed image
var recipe embed.FS

// recipeFiles returns the files of image/, named as they are in that folder.
func recipeFiles() fs.FS { return images.RecipeFolder(recipe, "image") }

// Container is a running Redis server.
type Container struct {
	testcontainers.Container
}

// Run starts img (from images.Ensure(ctx, Image(), log), or an upstream
// image such as redis:7) with image/redis.conf copied to ConfigPath, the
// command `redis-server ConfigPath`, port 6379 exposed, and waits until the
// server logs that it accepts connections and the port answers. opts come
// after these defaults and override them. As with testcontainers.Run, a
// non-nil container may be returned with an error, so register its cleanup
// before checking the error.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	moduleOpts := []testcontainers.ContainerCustomizer{
		testcontainers.WithExposedPorts(Port),
		testcontainers.WithFiles(testcontainers.ContainerFile{
			Reader:            strings.NewReader(string(config)),
			ContainerFilePath: ConfigPath,
			FileMode:          0o644,
		}),
		testcontainers.WithCmd(command...),
		testcontainers.WithWaitStrategy(
			wait.ForLog("Ready to accept connections"),
			wait.ForListeningPort(Port),
		),
	}
	moduleOpts = append(moduleOpts, opts...)

	ctr, err := testcontainers.Run(ctx, img, moduleOpts...)
	var c *Container
	if ctr != nil {
		c = &Container{Container: ctr}
	}
	if err != nil {
		return c, fmt.Errorf("run redis: %w", err)
	}
	return c, nil
}

// URL returns the address of the server as seen from the host, for example
// "redis://127.0.0.1:32768/0" (database 0), the form go-redis's ParseURL
// reads and the REDIS_URL given to examples uses.
func (c *Container) URL(ctx context.Context) (string, error) {
	hp, err := c.PortEndpoint(ctx, Port, "")
	if err != nil {
		return "", fmt.Errorf("redis URL: %w", err)
	}
	return "redis://" + hp + "/0", nil
}
