package main

import (
	"context"
	"database/sql/driver"
	"errors"
	"strings"

	"github.com/XSAM/otelsql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// [START connattrs]
// connAttrs returns what the convention asks to know about the connection:
// the system, the database (db.namespace) and the server's address and port.
// otelsql cannot know them (database/sql hides the driver's configuration), so
// the program reads them from its own DSN.
func connAttrs(dsn string) ([]attribute.KeyValue, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return []attribute.KeyValue{
		semconv.DBSystemNamePostgreSQL,
		semconv.DBNamespace(cfg.Database),
		semconv.ServerAddress(cfg.Host),
		semconv.ServerPort(int(cfg.Port)),
	}, nil
}

// [END connattrs]

// [START opendb]
// openDB connects through otelsql, which wraps the pgx driver of database/sql:
// every call becomes a CLIENT span. By default otelsql names a span after the
// database/sql method (sql.conn.query) and sets no db.operation.name; the
// options below name it after the statement's first keyword instead, as
// otelpgx does, and record Postgres's error code on a failed call.
func openDB(ctx context.Context, dsn string) (*sqlx.DB, error) {
	attrs, err := connAttrs(dsn)
	if err != nil {
		return nil, err
	}
	db, err := otelsql.Open("pgx", dsn,
		otelsql.WithAttributes(attrs...),
		otelsql.WithSpanNameFormatter(spanName),
		otelsql.WithAttributesGetter(operationName),
		otelsql.WithSpanErrorAttributesGetter(errorAttrs),
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
	if _, err := otelsql.RegisterDBStatsMetrics(db, otelsql.WithAttributes(attrs...)); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return sqlx.NewDb(db, "pgx"), nil
}

// [END opendb]

// [START hooks]
// keyword returns the first word of a statement in upper case, "" if none.
func keyword(query string) string {
	if f := strings.Fields(query); len(f) > 0 {
		return strings.ToUpper(f[0])
	}
	return ""
}

// spanName names a span after the statement's keyword (SELECT), and a call
// without a statement (begin, commit) after its database/sql method.
func spanName(_ context.Context, method otelsql.Method, query string) string {
	if k := keyword(query); k != "" {
		return k
	}
	return string(method)
}

// operationName sets db.operation.name on spans that carry a statement.
func operationName(_ context.Context, _ otelsql.Method, query string, _ []driver.NamedValue) []attribute.KeyValue {
	if k := keyword(query); k != "" {
		return []attribute.KeyValue{semconv.DBOperationName(k)}
	}
	return nil
}

// errorAttrs records the SQLSTATE of a Postgres error, as both
// db.response.status_code and error.type, which the convention asks to match.
func errorAttrs(err error) []attribute.KeyValue {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return []attribute.KeyValue{
			semconv.DBResponseStatusCode(pgErr.Code),
			semconv.ErrorTypeKey.String(pgErr.Code),
		}
	}
	return nil
}

// [END hooks]
