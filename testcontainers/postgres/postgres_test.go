package postgres_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/testcontainers/testcontainers-go"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"

	"oteldocs.dev/testcontainers/images/imagestest"
	"oteldocs.dev/testcontainers/postgres"
)

func TestImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine, and mmdebstrap to build " + postgres.Ref + ")")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	img := imagestest.Ensure(ctx, t, postgres.Image())

	t.Run("defaults", func(t *testing.T) {
		conn := start(ctx, t, img)
		exec(ctx, t, conn, "CREATE TABLE spans (id serial PRIMARY KEY, name text NOT NULL)")
		exec(ctx, t, conn, "INSERT INTO spans (name) VALUES ($1)", "GET /users")
		var name, db, user string
		err := conn.QueryRow(ctx, "SELECT name, current_database(), current_user FROM spans").Scan(&name, &db, &user)
		if err != nil {
			t.Fatalf("select: %v", err)
		}
		if name != "GET /users" || db != postgres.DefaultDatabase || user != postgres.DefaultUser {
			t.Errorf("got name %q, database %q, user %q; want %q, %q, %q",
				name, db, user, "GET /users", postgres.DefaultDatabase, postgres.DefaultUser)
		}
	})

	t.Run("custom credentials", func(t *testing.T) {
		conn := start(ctx, t, img,
			tcpostgres.WithDatabase("shop"),
			tcpostgres.WithUsername("app"),
			tcpostgres.WithPassword("s3cret-Pass"))
		var db, user string
		var super bool
		err := conn.QueryRow(ctx, "SELECT current_database(), current_user, rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&db, &user, &super)
		if err != nil {
			t.Fatalf("select: %v", err)
		}
		if db != "shop" || user != "app" || !super {
			t.Errorf("got database %q, user %q, superuser %v; want shop, app, true", db, user, super)
		}

		// The same address with a wrong password must be refused.
		u, err := url.Parse(conn.Config().ConnString())
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword("app", "wrong")
		bad, err := pgx.Connect(ctx, u.String())
		if err == nil {
			bad.Close(ctx)
			t.Fatal("a wrong password was accepted")
		}
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28P01" { // invalid_password
			t.Errorf("wrong password: got %v, want SQLSTATE 28P01", err)
		}
	})

	// Every container was terminated by its subtest's cleanup.
	imagestest.NoneLeft(ctx, t)
}

// start runs img with postgres.Run and connects to it; both are closed at
// the end of the test.
func start(ctx context.Context, t *testing.T, img string, opts ...testcontainers.ContainerCustomizer) *pgx.Conn {
	t.Helper()
	began := time.Now()
	ctr, err := postgres.Run(ctx, img, opts...)
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s ready in %s", img, time.Since(began).Round(time.Millisecond))
	dsn, err := ctr.ConnectionString(ctx, "sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to %s: %v", dsn, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func exec(ctx context.Context, t *testing.T, conn *pgx.Conn, sql string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
