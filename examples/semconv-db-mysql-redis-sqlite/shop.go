package main

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel/codes"
)

// shop holds the three stores an order touches.
type shop struct {
	orders *sql.DB       // MySQL
	carts  *redis.Client // Redis
	prices *sql.DB       // SQLite
}

// migrate creates the orders table and the price list, so the example needs
// nothing but an empty database. It is an operation of its own: its span is
// the parent of these calls.
func (s shop) migrate(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "migrate")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if _, err := s.orders.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS orders (
		id          bigint AUTO_INCREMENT PRIMARY KEY,
		cart        varchar(64) NOT NULL,
		total_cents bigint NOT NULL)`); err != nil {
		return err
	}
	_, err = s.prices.ExecContext(ctx, `
		CREATE TABLE prices (product TEXT PRIMARY KEY, cents INTEGER NOT NULL);
		INSERT INTO prices VALUES ('coffee', 450), ('tea', 300)`)
	return err
}

// fillCart puts two products in the cart, as a customer would have done
// before checking out.
func (s shop) fillCart(ctx context.Context, cart string) error {
	return s.carts.HSet(ctx, cart, "coffee", 2, "tea", 1).Err()
}

// total prices the cart's items (product -> quantity) in cents.
func (s shop) total(ctx context.Context, items map[string]string) (int64, error) {
	var total int64
	for product, qty := range items {
		n, err := strconv.ParseInt(qty, 10, 64)
		if err != nil {
			return 0, err
		}
		var cents int64
		if err := s.prices.QueryRowContext(ctx,
			`SELECT cents FROM prices WHERE product = ?`, product).Scan(&cents); err != nil {
			return 0, err
		}
		total += n * cents
	}
	return total, nil
}

// placeOrder stores the order and returns its id.
func (s shop) placeOrder(ctx context.Context, cart string, total int64) (int64, error) {
	res, err := s.orders.ExecContext(ctx,
		`INSERT INTO orders (cart, total_cents) VALUES (?, ?)`, cart, total)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
