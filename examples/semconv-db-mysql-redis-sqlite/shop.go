package main

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// shop holds the three stores an order touches.
type shop struct {
	orders *sql.DB       // MySQL
	carts  *redis.Client // Redis
	prices *sql.DB       // SQLite
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
