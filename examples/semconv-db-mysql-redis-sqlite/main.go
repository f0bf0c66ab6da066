// Command semconv-db-mysql-redis-sqlite places one order in a small shop and
// exits. The order touches three stores, each instrumented for the database
// semantic conventions: the orders in MySQL (MariaDB) through otelsql, the
// cart in Redis through redisotel, and the price list in SQLite, in process,
// through otelsql.
//
// It is configured only by environment variables: MYSQL_DSN (a
// go-sql-driver/mysql DSN), REDIS_URL (redis://HOST:PORT/DB) and the standard
// OTEL_* variables for telemetry.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("oteldocs.dev/examples/semconv-db-mysql-redis-sqlite")

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	orders, err := openMySQL(os.Getenv("MYSQL_DSN"))
	if err != nil {
		return fmt.Errorf("open mysql: %w", err)
	}
	defer orders.Close()
	carts, err := openRedis(os.Getenv("REDIS_URL"))
	if err != nil {
		return fmt.Errorf("open redis: %w", err)
	}
	defer carts.Close()
	prices, err := openSQLite()
	if err != nil {
		return fmt.Errorf("open sqlite: %w", err)
	}
	defer prices.Close()

	s := shop{orders: orders, carts: carts, prices: prices}
	if err := s.migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	id, err := checkout(ctx, s, "cart:42")
	if err != nil {
		return err
	}
	log.Printf("order %d placed", id)
	return nil
}

// [START checkout]
// checkout turns a cart into an order. Its span is the parent of every
// database span below: each call gets the context that holds it.
func checkout(ctx context.Context, s shop, cart string) (id int64, err error) {
	ctx, span := tracer.Start(ctx, "checkout")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()

	if err := s.fillCart(ctx, cart); err != nil {
		return 0, fmt.Errorf("fill cart: %w", err)
	}
	items, err := s.carts.HGetAll(ctx, cart).Result() // Redis
	if err != nil {
		return 0, fmt.Errorf("read cart: %w", err)
	}
	total, err := s.total(ctx, items) // SQLite
	if err != nil {
		return 0, fmt.Errorf("price cart: %w", err)
	}
	id, err = s.placeOrder(ctx, cart, total) // MySQL
	if err != nil {
		return 0, fmt.Errorf("place order: %w", err)
	}
	if err := s.carts.Del(ctx, cart).Err(); err != nil { // Redis
		return 0, fmt.Errorf("empty cart: %w", err)
	}
	return id, nil
}

// [END checkout]
