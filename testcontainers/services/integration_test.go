package services

import (
	"context"
	"net"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/testcontainers/images/imagestest"
)

// Every service of the registry starts through its Starter and gives
// exactly the variables its registry entry lists; Postgres gives each
// example a database of its own, which accepts connections.
func TestStartEach(t *testing.T) {
	if os.Getenv("OTELDOCS_INTEGRATION") != "1" {
		t.Skip("integration test: set OTELDOCS_INTEGRATION=1 (needs a Docker engine)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	for _, svc := range service.All() {
		t.Run(svc.Name, func(t *testing.T) {
			st, err := For(svc.Name)
			if err != nil {
				t.Fatal(err)
			}
			ref := imagestest.Ensure(ctx, t, st.Image())
			inst, err := st.Start(ctx, ref)
			if inst != nil && inst.Container != nil {
				t.Cleanup(func() { testcontainers.TerminateContainer(inst.Container) })
			}
			if err != nil {
				t.Fatal(err)
			}
			if inst.Env == nil {
				if len(svc.Env) > 0 {
					t.Fatalf("gives no variables; the registry lists %v", svc.Env)
				}
				return
			}
			env, err := inst.Env(ctx, "an-example")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for k, v := range env {
				got = append(got, k)
				// A URL, or host:port where that is the variable's form
				// (GCE_METADATA_HOST).
				_, urlErr := url.Parse(v)
				_, _, hpErr := net.SplitHostPort(v)
				if v == "" || (urlErr != nil && hpErr != nil) {
					t.Errorf("%s = %q: want a URL or host:port", k, v)
				}
			}
			slices.Sort(got)
			if want := slices.Sorted(slices.Values(svc.Env)); !slices.Equal(got, want) {
				t.Errorf("gives %v, the registry lists %v", got, want)
			}
			if u, ok := env["DATABASE_URL"]; ok {
				conn, err := pgx.Connect(ctx, u)
				if err != nil {
					t.Fatalf("connect to DATABASE_URL: %v", err)
				}
				defer conn.Close(ctx)
				var db string
				if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil || db != "an_example" {
					t.Errorf("current_database() = %q, %v; want an_example, the example's own", db, err)
				}
			}
		})
	}
	imagestest.NoneLeft(ctx, t)
}
