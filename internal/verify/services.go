package verify

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/testcontainers/testcontainers-go"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"

	"oteldocs.dev/testcontainers/collector"
	"oteldocs.dev/testcontainers/images"
	"oteldocs.dev/testcontainers/postgres"
)

// services holds the containers of one verify run, each started once.
type services struct {
	log        io.Writer
	collector  *collector.Container
	collImage  string
	postgres   *tcpostgres.PostgresContainer
	pgAdminURL string
	started    []testcontainers.Container
}

// EnsureImages builds (or finds up to date) the images the named services
// need, and returns their references.
func EnsureImages(ctx context.Context, needs map[string]bool, log io.Writer) (map[string]string, error) {
	recipes := map[string]images.Recipe{"collector": collector.Image(), "postgres": postgres.Image()}
	refs := map[string]string{}
	for _, name := range []string{"collector", "postgres"} {
		if !needs[name] {
			continue
		}
		ref, err := images.Ensure(ctx, recipes[name], log)
		if err != nil {
			return nil, err
		}
		refs[name] = ref
	}
	return refs, nil
}

// testcontainersDefaults sets what testcontainers-go needs on machines
// without a registry, unless the caller chose otherwise: Ryuk (the reaper)
// is an image that cannot be pulled, and verify removes its own containers
// anyway; inside a container (/.dockerenv) testcontainers would dial the
// bridge gateway, where the mapped ports are not reachable.
func testcontainersDefaults() {
	if os.Getenv("TESTCONTAINERS_RYUK_DISABLED") == "" {
		os.Setenv("TESTCONTAINERS_RYUK_DISABLED", "true")
	}
	if _, err := os.Stat("/.dockerenv"); err == nil && os.Getenv("TESTCONTAINERS_HOST_OVERRIDE") == "" {
		os.Setenv("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1")
	}
}

// start starts what needs names. On error, what did start is still recorded,
// so stop removes it.
func (s *services) start(ctx context.Context, needs map[string]bool) error {
	testcontainersDefaults()
	refs, err := EnsureImages(ctx, needs, s.log)
	if err != nil {
		return err
	}
	if needs["collector"] {
		t0 := time.Now()
		c, err := collector.Run(ctx, refs["collector"])
		if c != nil {
			s.started = append(s.started, c)
		}
		if err != nil {
			return err
		}
		s.collector, s.collImage = c, refs["collector"]
		fmt.Fprintf(s.log, "verify: collector %s ready in %s\n", refs["collector"], since(t0))
	}
	if needs["postgres"] {
		t0 := time.Now()
		pg, err := postgres.Run(ctx, refs["postgres"])
		if pg != nil {
			s.started = append(s.started, pg)
		}
		if err != nil {
			return err
		}
		s.postgres = pg
		if s.pgAdminURL, err = pg.ConnectionString(ctx, "sslmode=disable"); err != nil {
			return fmt.Errorf("postgres connection string: %w", err)
		}
		fmt.Fprintf(s.log, "verify: postgres %s ready in %s\n", refs["postgres"], since(t0))
	}
	return nil
}

// stop removes every container started, with a fresh context: the run's
// context may be cancelled (Ctrl-C) by now.
func (s *services) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := len(s.started) - 1; i >= 0; i-- {
		if err := testcontainers.TerminateContainer(s.started[i], testcontainers.StopContext(ctx)); err != nil {
			fmt.Fprintf(s.log, "verify: removing container: %v\n", err)
		}
	}
	s.started = nil
}

// database creates a fresh database for one example and returns its URL, so
// examples never see each other's tables.
func (s *services) database(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, s.pgAdminURL)
	if err != nil {
		return "", fmt.Errorf("connect to postgres: %w", err)
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident); err != nil {
		return "", fmt.Errorf("drop database %s: %w", name, err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	u, err := url.Parse(s.pgAdminURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

// endpoint returns the OTLP endpoint URL for protocol.
func (s *services) endpoint(ctx context.Context, protocol string) (string, error) {
	if protocol == "grpc" {
		hp, err := s.collector.GRPCEndpoint(ctx)
		if err != nil {
			return "", err
		}
		if !strings.Contains(hp, "://") {
			hp = "http://" + hp
		}
		return hp, nil
	}
	return s.collector.HTTPEndpoint(ctx)
}

func since(t time.Time) string { return time.Since(t).Round(100 * time.Millisecond).String() }
