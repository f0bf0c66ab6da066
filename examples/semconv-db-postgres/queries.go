package main

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

// migrate creates the table, so the example needs nothing but an empty
// database.
func migrate(ctx context.Context, db *sqlx.DB) error {
	_, err := db.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS products (
			name  text PRIMARY KEY,
			stock integer NOT NULL
		);
		CREATE TABLE IF NOT EXISTS deliveries (
			product text NOT NULL REFERENCES products,
			items   integer NOT NULL
		)`)
	return err
}

// [START copy]
// loadProducts fills the table with COPY: the table is named by the call
// itself, so otelpgx records db.collection.name.
func loadProducts(ctx context.Context, pool *pgxpool.Pool) error {
	rows := [][]any{{"coffee", 3}, {"tea", 1}, {"cocoa", 9}}
	_, err := pool.CopyFrom(ctx, pgx.Identifier{"products"},
		[]string{"name", "stock"}, pgx.CopyFromRows(rows))
	return err
}

// [END copy]

// [START tx]
// receiveDelivery records a delivery and adds it to the product's stock, in
// one transaction: the begin, both statements and the commit are spans of
// their own.
func receiveDelivery(ctx context.Context, db *sqlx.DB, name string, n int) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op once committed
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO deliveries (product, items) VALUES ($1, $2)`, name, n); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx,
		`UPDATE products SET stock = stock + $1 WHERE name = $2`, n, name)
	if err != nil {
		return err
	}
	if rows, _ := res.RowsAffected(); rows != 1 {
		return fmt.Errorf("no product %q", name)
	}
	return tx.Commit()
}

// [END tx]

// lowStock returns the products with fewer than limit items in stock.
func lowStock(ctx context.Context, pool *pgxpool.Pool, limit int) ([]string, error) {
	rows, err := pool.Query(ctx,
		`SELECT name FROM products WHERE stock < $1 ORDER BY name`, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// [START error]
// countReturns queries a table this example never creates: Postgres answers
// with SQLSTATE 42P01 (undefined_table), and the span records the error.
func countReturns(ctx context.Context, db *sqlx.DB) (int, error) {
	var n int
	err := db.GetContext(ctx, &n, `SELECT count(*) FROM returns`)
	return n, err
}

// [END error]
