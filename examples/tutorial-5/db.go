package main

import (
	"context"
	"database/sql"

	"github.com/XSAM/otelsql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// openDB connects to Postgres through otelsql, which wraps the pgx driver:
// every query becomes a CLIENT span with the query text, the child of the
// span in the context it is given. otelsql cannot tell which database it
// talks to, so db.system.name is stated here. The spans for pool
// housekeeping (connects, session resets, row iteration) are left out.
func openDB(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := otelsql.Open("pgx", dsn,
		otelsql.WithAttributes(semconv.DBSystemNamePostgreSQL),
		otelsql.WithSpanOptions(otelsql.SpanOptions{
			OmitConnResetSession: true,
			OmitConnectorConnect: true,
			OmitRows:             true,
		}),
	)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// migrate creates the table of greetings, so the service needs nothing but
// an empty database.
func migrate(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS greetings (
		id   serial PRIMARY KEY,
		name text NOT NULL
	)`)
	return err
}
