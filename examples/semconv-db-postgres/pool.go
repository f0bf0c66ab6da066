package main

import (
	"context"

	"github.com/exaring/otelpgx"
	"github.com/jackc/pgx/v5/pgxpool"
)

// [START openpool]
// openPool opens a pgx pool traced by otelpgx. otelpgx reads the system,
// database, host and port from the pool's configuration itself.
//
// WithDisableSQLStatementInAttributes keeps db.query.text off these spans:
// do that when statements may carry literal values (user input, an ORM that
// inlines arguments). It takes db.operation.name with it; the span name
// (SELECT) stays.
func openPool(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.ConnConfig.Tracer = otelpgx.NewTracer(
		otelpgx.WithDisableSQLStatementInAttributes(),
	)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// Pool gauges and counters: pgxpool.idle_connections and friends.
	if err := otelpgx.RecordStats(pool); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

// [END openpool]
