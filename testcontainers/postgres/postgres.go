// Package postgres provides the PostgreSQL that examples run against: an image
// built here from Debian bookworm's postgresql-15 packages (no registry
// needed), and a Run helper over testcontainers-go's modules/postgres.
//
// The image, oteldocs/postgres:15, is a rootfs made by mmdebstrap and loaded
// with `docker import`, then given STOPSIGNAL SIGINT and the recipe label by a
// two-line `docker build` (the engine's import refuses STOPSIGNAL). The recipe
// is the folder image/, embedded in the program (so a binary built anywhere
// builds the image from any working directory), plus the build arguments in
// this file: changing either
// rebuilds the image, otherwise images.Ensure reports it up to date.
//
// Its entrypoint, image/docker-entrypoint.sh, keeps the official postgres
// image's contract, so modules/postgres works unchanged:
//   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless
//     POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default: the user) and
//     PGDATA (default /var/lib/postgresql/data);
//   - with the command `postgres ...` (the module passes `postgres -c
//     fsync=off`) and an empty PGDATA it runs initdb as the postgres OS user
//     (scram-sha-256 for TCP clients from any address, trust on the unix
//     socket, listen_addresses='*'), starts a socket-only temporary server,
//     creates the database, runs /docker-entrypoint-initdb.d/*.sh, *.sql and
//     *.sql.gz, stops it and execs the real server as the postgres user;
//   - both servers log "database system is ready to accept connections", the
//     line that postgres.BasicWaitStrategies waits for twice;
//   - any other command is exec'd as it is.
//
// OTELDOCS_POSTGRES_IMAGE (e.g. postgres:17) selects an upstream image instead.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/testcontainers/testcontainers-go"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"

	"oteldocs.dev/testcontainers/images"
)

// Image names, and the variable that selects an upstream image instead.
const (
	Ref         = "oteldocs/postgres:15"
	EnvOverride = "OTELDOCS_POSTGRES_IMAGE"
)

// Credentials and database that Run uses unless the caller overrides them.
const (
	DefaultDatabase = "oteldocs"
	DefaultUser     = "oteldocs"
	DefaultPassword = "oteldocs"
)

const (
	entrypoint = "/usr/local/bin/docker-entrypoint.sh"
	mirror     = "http://deb.debian.org/debian"
)

// changes are the image settings given to `docker import`.
var changes = []string{
	`ENTRYPOINT ["` + entrypoint + `"]`,
	`CMD ["postgres"]`,
	"ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"ENV PGDATA=/var/lib/postgresql/data",
	"ENV LANG=C.UTF-8",
	"EXPOSE 5432",
}

// mmdebstrapArgs returns the arguments that write the rootfs to tarPath,
// copying the entrypoint script from the host file src.
func mmdebstrapArgs(src, tarPath string) []string {
	return []string{
		"--variant=apt",
		"--include=postgresql-15",
		// Keep the image lean: no manuals, docs (but copyrights) or translations.
		"--dpkgopt=path-exclude=/usr/share/man/*",
		"--dpkgopt=path-exclude=/usr/share/doc/*",
		"--dpkgopt=path-include=/usr/share/doc/*/copyright",
		"--dpkgopt=path-exclude=/usr/share/locale/*",
		// Debian would create and start a "main" cluster; the entrypoint makes its own.
		`--essential-hook=mkdir -p "$1/etc/postgresql-common/createcluster.d" && ` +
			`echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/oteldocs.conf"`,
		"--customize-hook=upload " + src + " " + entrypoint,
		`--customize-hook=chmod 0755 "$1` + entrypoint + `" && test ! -e "$1/var/lib/postgresql/15/main"`,
		// Keep /run/lock and the socket directory (mmdebstrap would empty /run),
		// so that the server also starts as `docker run --user postgres`.
		"--skip=cleanup/run",
		`--customize-hook=rm -f "$1/run/adduser" && chroot "$1" install -d -o postgres -g postgres -m 2775 /run/postgresql`,
		"bookworm", tarPath, mirror,
	}
}

// Image returns the recipe of oteldocs/postgres:15.
func Image() images.Recipe {
	return images.Rootfs{
		Ref:        Ref,
		What:       "postgresql-15 (about 80 s)",
		Mmdebstrap: func(dir, tar string) []string { return mmdebstrapArgs(filepath.Join(dir, "docker-entrypoint.sh"), tar) },
		Changes:    changes,
		Extra:      []string{"STOPSIGNAL SIGINT"},
	}.Recipe(recipeFiles(), EnvOverride)
}

// recipe holds the folder image/, compiled into the program so that the
// recipe does not depend on the source tree.
//
//go:embed image
var recipe embed.FS

// recipeFiles returns the files of image/, named as they are in that folder.
func recipeFiles() fs.FS { return images.RecipeFolder(recipe, "image") }

// Run starts img (from images.Ensure(ctx, Image(), log)) with modules/postgres:
// database, user and password DefaultDatabase, DefaultUser, DefaultPassword,
// and postgres.BasicWaitStrategies; opts come last and override them. As with
// testcontainers.Run, a non-nil container may be returned with an error, so
// register its cleanup before checking the error.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*tcpostgres.PostgresContainer, error) {
	all := append([]testcontainers.ContainerCustomizer{
		tcpostgres.WithDatabase(DefaultDatabase),
		tcpostgres.WithUsername(DefaultUser),
		tcpostgres.WithPassword(DefaultPassword),
		tcpostgres.BasicWaitStrategies(),
	}, opts...)
	ctr, err := tcpostgres.Run(ctx, img, all...)
	if err != nil {
		return ctr, fmt.Errorf("start %s: %w", img, err)
	}
	return ctr, nil
}
