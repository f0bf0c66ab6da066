package services

import (
	"context"
	"fmt"

	"oteldocs.dev/testcontainers/redis"
)

// Redis: REDIS_URL, database 0, shared by every example that needs it.
func init() {
	register("redis", Starter{
		Image: redis.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := redis.Run(ctx, ref)
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			if err != nil {
				return inst, err
			}
			u, err := c.URL(ctx)
			if err != nil {
				return inst, fmt.Errorf("redis url: %w", err)
			}
			inst.Env = func(context.Context, string) (map[string]string, error) {
				return map[string]string{"REDIS_URL": u}, nil
			}
			return inst, nil
		},
	})
}
