package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jmoiron/sqlx"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("oteldocs.dev/examples/patterns-db")

// [START tx]
// withTx runs fn in a transaction begun with the request's ctx, so otelsql
// makes every statement of the transaction, the commit and the rollback a
// child span of the request's span. It commits when fn succeeds and rolls
// back when it fails.
func withTx(ctx context.Context, db *sqlx.DB, fn func(*sqlx.Tx) error) (err error) {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
			return
		}
		err = tx.Commit()
	}()
	return fn(tx)
}

// [END tx]

// [START transfer]
// transfer moves amount from one account to another in a span of its own,
// a child of the request's span; the transaction's statements are its
// children. Each statement goes through the tx with ctx: ExecContext, not
// Exec, or the statement's span loses its parent.
func transfer(ctx context.Context, db *sqlx.DB, from, to, amount int) (err error) {
	ctx, span := tracer.Start(ctx, "transfer", trace.WithAttributes(
		attribute.Int("transfer.amount", amount)))
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, "transfer rolled back")
		}
		span.End()
	}()
	return withTx(ctx, db, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx,
			"UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx,
			"UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx,
			"INSERT INTO transfers (from_id, to_id, amount) VALUES ($1, $2, $3)", from, to, amount)
		return err
	})
}

// [END transfer]

// transferHandler answers 409 Conflict when the transfer would overdraw
// the account: the CHECK constraint fails and the transaction rolls back.
func transferHandler(db *sqlx.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		from, err1 := strconv.Atoi(r.FormValue("from"))
		to, err2 := strconv.Atoi(r.FormValue("to"))
		amount, err3 := strconv.Atoi(r.FormValue("amount"))
		if err := errors.Join(err1, err2, err3); err != nil {
			http.Error(w, "from, to and amount must be numbers", http.StatusBadRequest)
			return
		}
		err := transfer(r.Context(), db, from, to, amount)
		var pgErr *pgconn.PgError
		switch {
		case errors.As(err, &pgErr) && pgErr.Code == "23514": // check_violation
			http.Error(w, "insufficient funds", http.StatusConflict)
		case err != nil:
			http.Error(w, err.Error(), http.StatusInternalServerError)
		default:
			fmt.Fprintf(w, "moved %d from %d to %d\n", amount, from, to)
		}
	}
}
