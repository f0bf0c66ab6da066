package main

import (
	"context"

	"github.com/XSAM/otelsql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// [START db]
// openDB connects to Postgres through otelsql, which wraps the pgx driver so
// that every query becomes a CLIENT span carrying the query text.
// db.system.name is not known to otelsql: we state it. The spans otelsql
// makes for pool housekeeping (session resets, connects, row iteration) are
// left out: they rarely help and triple the span count.
func openDB(ctx context.Context, dsn string) (*sqlx.DB, error) {
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
	// Connection pool gauges: db.sql.connection.open and friends.
	if _, err := otelsql.RegisterDBStatsMetrics(db,
		otelsql.WithAttributes(semconv.DBSystemNamePostgreSQL),
	); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// sqlx adds struct scanning on top of the instrumented *sql.DB.
	return sqlx.NewDb(db, "pgx"), nil
}

// [END db]

// migrate creates the accounts, so the example needs nothing but an empty
// database. The CHECK constraint is what makes an overdraft fail.
func migrate(ctx context.Context, db *sqlx.DB) error {
	_, err := db.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS accounts (
			id      integer PRIMARY KEY,
			balance integer NOT NULL CHECK (balance >= 0)
		);
		CREATE TABLE IF NOT EXISTS transfers (
			id     serial PRIMARY KEY,
			from_id integer NOT NULL,
			to_id  integer NOT NULL,
			amount integer NOT NULL
		);
		INSERT INTO accounts (id, balance) VALUES (1, 100), (2, 0)
		ON CONFLICT (id) DO NOTHING`)
	return err
}
