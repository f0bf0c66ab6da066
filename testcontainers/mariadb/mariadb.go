// Package mariadb provides the MySQL-compatible server that examples run
// against: an image built here from Debian bookworm's mariadb-server 10.11
// package (no registry needed), and a Run helper in the style of
// testcontainers-go's modules.
//
// The image, oteldocs/mariadb:10.11, is a rootfs made by mmdebstrap and loaded
// with a single `docker import`, whose --change options set the command, the
// exposed port and the recipe label:
//   - mmdebstrap --variant=apt with mariadb-server; manuals, docs (but
//     copyrights), info pages and translations are left out. The package's
//     own scripts create the mysql user and the data directory
//     (/var/lib/mysql); a hook makes sure the system tables are there and
//     keeps /run/mysqld, where the server puts its socket.
//   - image/init.sql is copied to /etc/mysql/oteldocs-init.sql; the server
//     runs it at every start (--init-file): it creates the database
//     oteldocs and the user oteldocs (password oteldocs) with every
//     privilege, from any address.
//   - CMD is mariadbd as the mysql user, on every interface, logging to
//     standard error, where the wait strategy reads "ready for connections".
//
// The recipe is the folder image/ plus the build arguments in this file:
// changing either rebuilds the image, otherwise images.Ensure reports it up
// to date. Usage:
//
//	img, err := images.Ensure(ctx, mariadb.Image(), os.Stderr)
//	if err != nil { ... }
//	c, err := mariadb.Run(ctx, img)
//	defer testcontainers.TerminateContainer(c) // before the error check
//	if err != nil { ... }
//	dsn, err := c.DSN(ctx) // "oteldocs:oteldocs@tcp(127.0.0.1:32768)/oteldocs", for MYSQL_DSN
//
// OTELDOCS_MARIADB_IMAGE (e.g. mariadb:10.11) selects an upstream image
// instead: Run also sets the MARIADB_* variables with which the upstream
// entrypoint creates the same database and user (the image built here
// ignores them).
package mariadb

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
	Ref         = "oteldocs/mariadb:10.11"
	EnvOverride = "OTELDOCS_MARIADB_IMAGE"
)

// The database, user and password that image/init.sql creates.
const (
	Database = "oteldocs"
	User     = "oteldocs"
	Password = "oteldocs"
)

// Port is the container port of the server.
const Port = "3306/tcp"

const (
	initPath = "/etc/mysql/oteldocs-init.sql"
	mirror   = "http://deb.debian.org/debian"
)

// command starts the server in the foreground.
var command = []string{
	"mariadbd", "--user=mysql", "--bind-address=0.0.0.0", "--skip-name-resolve",
	"--init-file=" + initPath,
}

// changes are the image settings given to `docker import`; the labels are
// added to them.
var changes = []string{
	`CMD ["` + strings.Join(command, `", "`) + `"]`,
	"ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"ENV LANG=C.UTF-8",
	"EXPOSE 3306",
}

// mmdebstrapArgs returns the arguments that write the rootfs to tarPath,
// copying the init script from the host file initSQL.
func mmdebstrapArgs(initSQL, tarPath string) []string {
	args := []string{
		"--variant=apt",
		"--include=mariadb-server",
	}
	args = append(args, images.LeanDpkg()...)
	return append(args,
		"--customize-hook=upload "+initSQL+" "+initPath,
		`--customize-hook=chmod 0644 "$1`+initPath+`"`,
		// The system tables: made by the package's postinst; if not, now.
		`--customize-hook=chroot "$1" sh -c 'test -d /var/lib/mysql/mysql || mariadb-install-db --user=mysql --skip-test-db'`,
		// Keep /run (mmdebstrap would empty it) and the socket directory.
		"--skip=cleanup/run",
		`--customize-hook=chroot "$1" install -d -o mysql -g mysql -m 0755 /run/mysqld`,
		"bookworm", tarPath, mirror,
	)
}

// Image returns the recipe of oteldocs/mariadb:10.11.
func Image() images.Recipe {
	return images.Rootfs{
		Ref:        Ref,
		What:       "mariadb-server (a few minutes)",
		Mmdebstrap: func(dir, tar string) []string { return mmdebstrapArgs(filepath.Join(dir, "init.sql"), tar) },
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

// Container is a running server.
type Container struct {
	testcontainers.Container
}

// Run starts img (from images.Ensure(ctx, Image(), log), or an upstream
// image such as mariadb:10.11) with port 3306 exposed, and waits until the
// server logs that it is ready for connections and the port answers. opts
// come after these defaults and override them. As with testcontainers.Run, a
// non-nil container may be returned with an error, so register its cleanup
// before checking the error.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	moduleOpts := []testcontainers.ContainerCustomizer{
		testcontainers.WithExposedPorts(Port),
		// For an upstream image; the one built here runs init.sql instead.
		testcontainers.WithEnv(map[string]string{
			"MARIADB_DATABASE":             Database,
			"MARIADB_USER":                 User,
			"MARIADB_PASSWORD":             Password,
			"MARIADB_RANDOM_ROOT_PASSWORD": "1",
		}),
		testcontainers.WithWaitStrategy(
			wait.ForLog("ready for connections"),
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
		return c, fmt.Errorf("run mariadb: %w", err)
	}
	return c, nil
}

// DSN returns the go-sql-driver/mysql data source name of the database
// oteldocs as seen from the host, for example
// "oteldocs:oteldocs@tcp(127.0.0.1:32768)/oteldocs", the MYSQL_DSN given to
// examples.
func (c *Container) DSN(ctx context.Context) (string, error) {
	hp, err := c.PortEndpoint(ctx, Port, "")
	if err != nil {
		return "", fmt.Errorf("mariadb DSN: %w", err)
	}
	return fmt.Sprintf("%s:%s@tcp(%s)/%s", User, Password, hp, Database), nil
}
