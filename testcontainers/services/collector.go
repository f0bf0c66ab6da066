package services

import (
	"context"

	"oteldocs.dev/testcontainers/collector"
)

// The shared Collector. verify takes its *collector.Container from
// Instance.Container for endpoints and the data folder, and starts the
// dedicated ones (TLS, bearer token) from the same image itself.
func init() {
	register("collector", Starter{
		Image: collector.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := collector.Run(ctx, ref)
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			return inst, err
		},
	})
}
