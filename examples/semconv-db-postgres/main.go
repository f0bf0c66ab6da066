// Command semconv-db-postgres restocks an inventory table in Postgres, once,
// and exits. It reaches Postgres two ways, each instrumented as the database
// semantic conventions ask: sqlx on database/sql through otelsql, and a pgx
// pool through otelpgx. Both record spans and metrics.
//
// It is configured only by environment variables: DATABASE_URL for Postgres
// and the standard OTEL_* variables for telemetry.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("oteldocs.dev/examples/semconv-db-postgres")

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	dsn := os.Getenv("DATABASE_URL")
	db, err := openDB(ctx, dsn)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer db.Close()
	pool, err := openPool(ctx, dsn)
	if err != nil {
		return fmt.Errorf("open pool: %w", err)
	}
	defer pool.Close()

	return restock(ctx, db, pool)
}

// [START operation]
// restock is the program's one operation: its span is the parent of every
// database span below, because each call gets the context that holds it.
func restock(ctx context.Context, db *sqlx.DB, pool *pgxpool.Pool) (err error) {
	ctx, span := tracer.Start(ctx, "restock")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()

	if err := migrate(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := loadProducts(ctx, pool); err != nil {
		return fmt.Errorf("load products: %w", err)
	}
	if err := receiveDelivery(ctx, db, "tea", 12); err != nil {
		return fmt.Errorf("receive delivery: %w", err)
	}
	low, err := lowStock(ctx, pool, 5)
	if err != nil {
		return fmt.Errorf("low stock: %w", err)
	}
	log.Printf("low stock: %v", low)
	// A query that fails: the table does not exist.
	if n, err := countReturns(ctx, db); err != nil {
		log.Printf("count returns: %v", err)
	} else {
		log.Printf("returns: %d", n)
	}
	return nil
}

// [END operation]
