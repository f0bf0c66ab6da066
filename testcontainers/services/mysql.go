package services

import (
	"context"
	"fmt"

	"oteldocs.dev/testcontainers/mariadb"
)

// MySQL (MariaDB): MYSQL_DSN, the database oteldocs, shared by every example
// that needs it.
func init() {
	register("mysql", Starter{
		Image: mariadb.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := mariadb.Run(ctx, ref)
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			if err != nil {
				return inst, err
			}
			dsn, err := c.DSN(ctx)
			if err != nil {
				return inst, fmt.Errorf("mysql dsn: %w", err)
			}
			inst.Env = func(context.Context, string) (map[string]string, error) {
				return map[string]string{"MYSQL_DSN": dsn}, nil
			}
			return inst, nil
		},
	})
}
