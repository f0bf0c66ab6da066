// Command semconv-db-cassandra records a sensor reading in Cassandra and
// reads the latest back, once, and exits. Every query becomes a CLIENT span
// through a small gocql.QueryObserver (observer.go), a child of the
// program's operation span.
//
// It is configured only by environment variables: CASSANDRA_HOSTS (a comma
// separated list of host or host:port) and the standard OTEL_* variables for
// telemetry. The keyspace iot must exist.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/gocql/gocql"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

const serviceName = "sensors"

var tracer = otel.Tracer("oteldocs.dev/examples/semconv-db-cassandra")

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

	session, err := connect(os.Getenv("CASSANDRA_HOSTS"))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer session.Close()

	celsius, err := record(ctx, session, "thermo-1", 21.5)
	if err != nil {
		return err
	}
	log.Printf("thermo-1: %.1f °C", celsius)
	return nil
}

// [START connect]
// connect opens a session on the keyspace iot whose queries are traced by
// queryTracer.
func connect(hosts string) (*gocql.Session, error) {
	cluster := gocql.NewCluster(strings.Split(hosts, ",")...)
	cluster.Keyspace = "iot"
	cluster.QueryObserver = queryTracer{tracer: otel.Tracer("oteldocs.dev/examples/semconv-db-cassandra/gocql")}
	return cluster.CreateSession()
}

// [END connect]

// [START record]
// record stores a reading and returns the latest one of the sensor. Its span
// is the parent of both queries: each gets the context that holds it.
func record(ctx context.Context, s *gocql.Session, sensor string, celsius float64) (latest float64, err error) {
	ctx, span := tracer.Start(ctx, "record-reading")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()

	if err := s.Query(`INSERT INTO readings (sensor, at, celsius) VALUES (?, ?, ?)`,
		sensor, time.Now(), celsius).WithContext(ctx).Exec(); err != nil {
		return 0, fmt.Errorf("insert: %w", err)
	}
	err = s.Query(`SELECT celsius FROM readings WHERE sensor = ? LIMIT 1`, sensor).
		WithContext(ctx).Scan(&latest)
	return latest, err
}

// [END record]
