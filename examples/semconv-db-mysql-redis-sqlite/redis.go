package main

import (
	"strconv"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// [START redis]
// openRedis returns a client whose commands become CLIENT spans named after
// the command (hset, hgetall), through redisotel's hook. redisotel writes
// the older attribute names (db.system, db.statement); the current ones it
// lacks that do not change per command are added here.
func openRedis(url string) (*redis.Client, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	// Redis before 7.2 (Debian bookworm ships 7.0) refuses CLIENT SETINFO and
	// CLIENT MAINT_NOTIFICATIONS, which go-redis sends on every new
	// connection: each refusal would be an error span under the first command.
	opts.DisableIdentity = true
	opts.MaintNotificationsConfig = &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
	rdb := redis.NewClient(opts)
	if err := redisotel.InstrumentTracing(rdb, redisotel.WithAttributes(
		semconv.DBSystemNameRedis,
		semconv.DBNamespace(strconv.Itoa(opts.DB)),
	)); err != nil {
		rdb.Close()
		return nil, err
	}
	// Pool metrics: db.client.connections.usage and friends.
	if err := redisotel.InstrumentMetrics(rdb); err != nil {
		rdb.Close()
		return nil, err
	}
	return rdb, nil
}

// [END redis]
