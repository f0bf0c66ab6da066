package main

import (
	"database/sql"

	"github.com/XSAM/otelsql"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	_ "modernc.org/sqlite" // registers the "sqlite" driver: pure Go, no cgo
)

// [START sqlite]
// openSQLite opens the price list, an SQLite database in this process's
// memory, through otelsql. There is no server: no server.address, no port.
func openSQLite() (*sql.DB, error) {
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
	// One connection: an in-memory database lives as long as its connection.
	db.SetMaxOpenConns(1)
	return db, nil
}

// [END sqlite]
