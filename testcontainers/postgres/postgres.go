// Package postgres provides the PostgreSQL that examples run against: an image
// built here from Debian bookworm's postgresql-15 packages (no registry
// needed), and a Run helper over testcontainers-go's modules/postgres.
//
// The image, oteldocs/postgres:15, is a rootfs made by mmdebstrap and loaded
// with `docker import`, then given STOPSIGNAL SIGINT and the recipe label by a
// two-line `docker build` (the engine's import refuses STOPSIGNAL). The recipe
// is the folder image/ plus the build arguments in this file: changing either
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
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

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
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "image")
	return images.Recipe{
		Ref: Ref,
		Dir: dir,
		Extra: map[string]string{
			"mmdebstrap": strings.Join(mmdebstrapArgs("<entrypoint>", "<tar>"), " "),
			"changes":    strings.Join(changes, "; "),
			"dockerfile": dockerfile(map[string]string{}),
		},
		EnvOverride: EnvOverride,
		Build: func(ctx context.Context, labels map[string]string, log io.Writer) error {
			return build(ctx, dir, labels, log)
		},
	}
}

// build makes the rootfs, imports it under a temporary tag, then adds the
// stop signal and labels with docker build, tagging Ref.
func build(ctx context.Context, dir string, labels map[string]string, log io.Writer) error {
	tmp, err := os.MkdirTemp("", "oteldocs-postgres-")
	if err != nil {
		return fmt.Errorf("make temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)

	old := imageID(ctx, Ref) // removed once superseded

	start := time.Now()
	tarPath := filepath.Join(tmp, "rootfs.tar")
	fmt.Fprintf(log, "images: mmdebstrap bookworm with postgresql-15 into %s (about 80 s)\n", tarPath)
	src := filepath.Join(dir, "docker-entrypoint.sh")
	if _, err := images.Run(ctx, log, "mmdebstrap", mmdebstrapArgs(src, tarPath)...); err != nil {
		return fmt.Errorf("make rootfs: %w", err)
	}
	fmt.Fprintf(log, "images: rootfs ready after %s\n", time.Since(start).Round(time.Second))

	rootfs := Ref + "-rootfs"
	args := []string{"import"}
	for _, c := range changes {
		args = append(args, "--change", c)
	}
	if _, err := images.Docker(ctx, log, append(args, tarPath, rootfs)...); err != nil {
		return fmt.Errorf("import rootfs: %w", err)
	}
	defer func() {
		if _, err := images.Docker(context.WithoutCancel(ctx), nil, "rmi", rootfs); err != nil {
			fmt.Fprintf(log, "images: could not remove the temporary tag %s: %v\n", rootfs, err)
		}
	}()
	if err := os.Remove(tarPath); err != nil {
		return fmt.Errorf("remove rootfs tar: %w", err)
	}
	fmt.Fprintf(log, "images: imported %s after %s\n", rootfs, time.Since(start).Round(time.Second))

	df := filepath.Join(tmp, "Dockerfile")
	if err := os.WriteFile(df, []byte("FROM "+rootfs+"\n"+dockerfile(labels)), 0o644); err != nil {
		return fmt.Errorf("write Dockerfile: %w", err)
	}
	if _, err := images.Docker(ctx, log, "build", "--quiet", "--tag", Ref, tmp); err != nil {
		return fmt.Errorf("label image: %w", err)
	}
	fmt.Fprintf(log, "images: built %s in %s\n", Ref, time.Since(start).Round(time.Second))
	if old != "" && old != imageID(ctx, Ref) {
		if _, err := images.Docker(ctx, nil, "rmi", old); err != nil {
			fmt.Fprintf(log, "images: could not remove the superseded image %s: %v\n", old, err)
		}
	}
	return nil
}

// imageID returns the ID of the local image ref, or "" if there is none.
func imageID(ctx context.Context, ref string) string {
	id, err := images.Docker(ctx, nil, "image", "inspect", "--format", "{{.Id}}", ref)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(id)
}

// dockerfile returns the instructions added after FROM: what `docker import
// --change` cannot set here (STOPSIGNAL), and the labels.
func dockerfile(labels map[string]string) string {
	var b strings.Builder
	b.WriteString("STOPSIGNAL SIGINT\n")
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "LABEL %s=%s\n", strconv.Quote(k), strconv.Quote(labels[k]))
	}
	return b.String()
}

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
