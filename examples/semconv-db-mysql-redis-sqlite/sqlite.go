package main

import (
	"context"
	"database/sql"

	"github.com/XSAM/otelsql"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	_ "modernc.org/sqlite" // registers the "sqlite" driver: pure Go, no cgo
)

// [START sqlite]
// openSQLite opens the price list, an SQLite database in this process's
// memory, through otelsql. There is no server: no server.address, no port.
func openSQLite(ctx context.Context) (*sql.DB, error) {
	db, err := otelsql.Open("sqlite", "file:prices?mode=memory&cache=shared",
		otelsql.WithAttributes(semconv.DBSystemNameSQLite),
		otelsql.WithSpanOptions(otelsql.SpanOptions{
			OmitConnResetSession: true,
			OmitConnectorConnect: true,
			OmitRows:             true,
		}),
	)
	if err != nil {
		return nil, err
	}
	// One connection: each new one would open an empty in-memory database.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `
		CREATE TABLE prices (product TEXT PRIMARY KEY, cents INTEGER NOT NULL);
		INSERT INTO prices VALUES ('coffee', 450), ('tea', 300)`); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// [END sqlite]
