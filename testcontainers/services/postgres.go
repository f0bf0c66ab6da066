package services

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"

	"oteldocs.dev/testcontainers/postgres"
)

// PostgreSQL: DATABASE_URL, a fresh database per example, so examples never
// see each other's tables.
func init() {
	register("postgres", Starter{
		Image: postgres.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			pg, err := postgres.Run(ctx, ref)
			inst := &Instance{}
			if pg != nil {
				inst.Container = pg
			}
			if err != nil {
				return inst, err
			}
			admin, err := pg.ConnectionString(ctx, "sslmode=disable")
			if err != nil {
				return inst, fmt.Errorf("postgres connection string: %w", err)
			}
			inst.Env = func(ctx context.Context, exampleID string) (map[string]string, error) {
				u, err := freshDatabase(ctx, admin, strings.ReplaceAll(exampleID, "-", "_"))
				return map[string]string{"DATABASE_URL": u}, err
			}
			return inst, nil
		},
	})
}

// freshDatabase drops and creates the database name through the server's
// admin URL, and returns the URL of the new database.
func freshDatabase(ctx context.Context, adminURL, name string) (string, error) {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("connect to postgres: %w", err)
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident); err != nil {
		return "", fmt.Errorf("drop database %s: %w", name, err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}
