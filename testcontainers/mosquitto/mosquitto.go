// Package mosquitto provides the MQTT broker that examples run against: an
// Eclipse Mosquitto image built here from Debian bookworm's mosquitto 2.0.11
// package (no registry needed), and a Run helper in the style of
// testcontainers-go's modules.
//
// The image, oteldocs/mosquitto:2, is a rootfs made by mmdebstrap and loaded
// with a single `docker import`, whose --change options set the command, the
// exposed port and the recipe label (the default stop signal, SIGTERM, is
// the one mosquitto expects, so no `docker build` step is needed):
//   - mmdebstrap --variant=essential: the Essential:yes packages plus
//     mosquitto and its dependencies, no apt; the merged-usr hook installs
//     usr-is-merged, which keeps usrmerge and with it perl out; manuals,
//     docs (but copyrights), info pages and translations are left out. The
//     result is a little under 70 MB.
//   - image/mosquitto.conf is copied to /mosquitto/config/mosquitto.conf,
//     the path the upstream image reads, and CMD is `mosquitto -c` on it, in
//     the foreground. The broker starts as root and, as Debian's and the
//     upstream build do, drops to the mosquitto user.
//   - the configuration: one listener on port 1883 on every interface,
//     anonymous clients allowed, no persistence, log to standard error
//     (mosquitto 2.0 does not flush standard output when it is not a
//     terminal, so a log sent there would reach `docker logs` only at exit).
//
// The recipe is the folder image/ plus the build arguments in this file:
// changing either rebuilds the image, otherwise images.Ensure reports it up
// to date. Usage:
//
//	img, err := images.Ensure(ctx, mosquitto.Image(), os.Stderr)
//	if err != nil { ... }
//	c, err := mosquitto.Run(ctx, img)
//	defer testcontainers.TerminateContainer(c) // before the error check
//	if err != nil { ... }
//	url, err := c.BrokerURL(ctx) // "tcp://127.0.0.1:32768", e.g. for MQTT_URL
//
// OTELDOCS_MQTT_IMAGE (e.g. eclipse-mosquitto:2) selects an upstream image
// instead; Run works with it unchanged, because it copies the same
// configuration into the container and passes the command itself.
package mosquitto

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
	Ref         = "oteldocs/mosquitto:2"
	EnvOverride = "OTELDOCS_MQTT_IMAGE"
)

// Port is the container port of the MQTT listener.
const Port = "1883/tcp"

// ConfigPath is where the configuration lives in the container, in the image
// built here as in the upstream one.
const ConfigPath = "/mosquitto/config/mosquitto.conf"

const mirror = "http://deb.debian.org/debian"

// config is image/mosquitto.conf, which Run copies into the container.
//
//go:embed image/mosquitto.conf
var config []byte

// command starts the broker in the foreground on ConfigPath.
var command = []string{"mosquitto", "-c", ConfigPath}

// changes are the image settings given to `docker import`; the labels are
// added to them.
var changes = []string{
	`CMD ["` + strings.Join(command, `", "`) + `"]`,
	"ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"EXPOSE 1883",
}

// mmdebstrapArgs returns the arguments that write the rootfs to tarPath,
// copying the configuration from the host file conf.
func mmdebstrapArgs(conf, tarPath string) []string {
	args := []string{
		// Essential:yes packages only (no apt): mosquitto runs with them.
		"--variant=essential",
		// Install usr-is-merged: otherwise init-system-helpers pulls in
		// usrmerge, and with it about 45 MB of perl.
		"--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr",
		"--include=mosquitto",
	}
	args = append(args, images.LeanDpkg()...)
	return append(args,
		`--customize-hook=mkdir -p "$1/mosquitto/config"`,
		"--customize-hook=upload "+conf+" "+ConfigPath,
		`--customize-hook=chmod 0644 "$1`+ConfigPath+`" && chroot "$1" id mosquitto`,
		"bookworm", tarPath, mirror,
	)
}

// Image returns the recipe of oteldocs/mosquitto:2.
func Image() images.Recipe {
	return images.Rootfs{
		Ref:        Ref,
		What:       "mosquitto (about 30 s)",
		Mmdebstrap: func(dir, tar string) []string { return mmdebstrapArgs(filepath.Join(dir, "mosquitto.conf"), tar) },
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

// Container is a running broker.
type Container struct {
	testcontainers.Container
}

// Run starts img (from images.Ensure(ctx, Image(), log), or an upstream
// image such as eclipse-mosquitto:2) with image/mosquitto.conf copied to
// ConfigPath, the command `mosquitto -c ConfigPath`, port 1883 exposed, and
// waits until mosquitto logs that it is running and the port accepts
// connections. opts come after these defaults and override them. As with
// testcontainers.Run, a non-nil container may be returned with an error, so
// register its cleanup before checking the error.
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
			// Printed once every listener is open.
			wait.ForLog(`mosquitto version \S+ running`).AsRegexp(),
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
		return c, fmt.Errorf("run mosquitto: %w", err)
	}
	return c, nil
}

// BrokerURL returns the address of the MQTT listener as seen from the host,
// for example "tcp://127.0.0.1:32768", the form paho's AddBroker and the
// MQTT_URL given to examples use.
func (c *Container) BrokerURL(ctx context.Context) (string, error) {
	u, err := c.PortEndpoint(ctx, Port, "tcp")
	if err != nil {
		return "", fmt.Errorf("mosquitto broker URL: %w", err)
	}
	return u, nil
}
