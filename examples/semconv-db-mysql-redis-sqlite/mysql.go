package main

import (
	"database/sql"
	"errors"
	"strconv"

	"github.com/XSAM/otelsql"
	"github.com/go-sql-driver/mysql"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// [START mysql]
// openMySQL connects through otelsql, which wraps go-sql-driver/mysql. The
// server here is MariaDB, which the convention names mariadb; against
// MySQL itself, use semconv.DBSystemNameMySQL. otelsql.AttributesFromDSN
// reads server.address and server.port from the DSN; the database name
// becomes db.namespace.
func openMySQL(dsn string) (*sql.DB, error) {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	attrs := append([]attribute.KeyValue{
		semconv.DBSystemNameMariaDB,
		semconv.DBNamespace(cfg.DBName),
	}, otelsql.AttributesFromDSN(dsn)...)
	db, err := otelsql.Open("mysql", dsn,
		otelsql.WithAttributes(attrs...),
		otelsql.WithSpanErrorAttributesGetter(mysqlErrorAttrs),
		otelsql.WithSpanOptions(otelsql.SpanOptions{
			// go-sql-driver/mysql answers a query with arguments by
			// driver.ErrSkip, and database/sql then prepares it: a normal
			// path, not an error on the span.
			DisableErrSkip:       true,
			OmitConnResetSession: true,
			OmitConnectorConnect: true,
			OmitRows:             true,
		}),
	)
	if err != nil {
		return nil, err
	}
	if _, err := otelsql.RegisterDBStatsMetrics(db, otelsql.WithAttributes(attrs...)); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// mysqlErrorAttrs records the server's error number on a failed call.
func mysqlErrorAttrs(err error) []attribute.KeyValue {
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		code := strconv.Itoa(int(myErr.Number))
		return []attribute.KeyValue{semconv.DBResponseStatusCode(code), semconv.ErrorTypeKey.String(code)}
	}
	return nil
}

// [END mysql]
