// Command semconv-db-mongo records a page visit in MongoDB and reads the
// count back, once, and exits. Every command the driver sends becomes a
// CLIENT span through otelmongo, a child of the program's operation span.
//
// It is configured only by environment variables: MONGODB_URI
// (mongodb://HOST:PORT/) and the standard OTEL_* variables for telemetry.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/mongo/otelmongo"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

const serviceName = "visits"

var tracer = otel.Tracer("oteldocs.dev/examples/semconv-db-mongo")

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

	client, err := connect(ctx, os.Getenv("MONGODB_URI"))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer client.Disconnect(context.Background())

	n, err := recordVisit(ctx, client.Database("site").Collection("visits"), "/pricing")
	if err != nil {
		return err
	}
	log.Printf("/pricing: %d visits", n)
	return nil
}

// [START connect]
// connect returns a client whose commands become CLIENT spans, named
// {collection}.{command} (visits.insert). otelmongo puts the whole command,
// values included, in db.statement unless told not to: it does not sanitize
// them.
func connect(ctx context.Context, uri string) (*mongo.Client, error) {
	opts := options.Client().ApplyURI(uri).
		SetMonitor(otelmongo.NewMonitor(otelmongo.WithCommandAttributeDisabled(true)))
	return mongo.Connect(ctx, opts)
}

// [END connect]

// [START visit]
// recordVisit stores one visit of path and returns how many it has had. Its
// span is the parent of both commands: each gets the context that holds it.
func recordVisit(ctx context.Context, visits *mongo.Collection, path string) (n int64, err error) {
	ctx, span := tracer.Start(ctx, "record-visit")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()

	if _, err := visits.InsertOne(ctx, bson.D{{Key: "path", Value: path}}); err != nil {
		return 0, fmt.Errorf("insert: %w", err)
	}
	return visits.CountDocuments(ctx, bson.D{{Key: "path", Value: path}})
}

// [END visit]
