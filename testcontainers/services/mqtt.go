package services

import (
	"context"
	"fmt"

	"oteldocs.dev/testcontainers/mosquitto"
)

// The MQTT broker: MQTT_URL, shared by every example.
func init() {
	register("mqtt", Starter{
		Image: mosquitto.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			m, err := mosquitto.Run(ctx, ref)
			inst := &Instance{}
			if m != nil {
				inst.Container = m
			}
			if err != nil {
				return inst, err
			}
			u, err := m.BrokerURL(ctx)
			if err != nil {
				return inst, fmt.Errorf("mqtt broker url: %w", err)
			}
			inst.Env = func(context.Context, string) (map[string]string, error) {
				return map[string]string{"MQTT_URL": u}, nil
			}
			return inst, nil
		},
	})
}
