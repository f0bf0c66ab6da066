package mariadb_test

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/images/imagestest"
	"oteldocs.dev/testcontainers/mariadb"
)

func TestImage(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine, and mmdebstrap to build " + mariadb.Ref + ")")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	img := imagestest.Ensure(ctx, t, mariadb.Image())
	t.Run("create a table", func(t *testing.T) {
		ctr, err := mariadb.Run(ctx, img)
		testcontainers.CleanupContainer(t, ctr)
		if err != nil {
			t.Fatal(err)
		}
		dsn, err := ctr.DSN(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(dsn, "oteldocs:oteldocs@tcp(") || !strings.HasSuffix(dsn, ")/oteldocs") {
			t.Errorf("DSN = %q, want oteldocs:oteldocs@tcp(HOST:PORT)/oteldocs", dsn)
		}

		// The user init.sql creates logs in over TCP and may create tables in
		// the database oteldocs.
		code, out, err := ctr.Exec(ctx, []string{"mariadb", "-h127.0.0.1", "-uoteldocs", "-poteldocs", "oteldocs",
			"-N", "-e", "CREATE TABLE t (n int); INSERT INTO t VALUES (41); SELECT n + 1 FROM t"})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(out)
		if code != 0 || !strings.Contains(string(b), "42") {
			t.Errorf("mariadb client: exit %d, output %q; want 0 and 42", code, b)
		}
	})

	// Every container was terminated by its subtest's cleanup.
	imagestest.NoneLeft(ctx, t)
}
