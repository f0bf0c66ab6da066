package services

import (
	"context"
	"fmt"

	"github.com/testcontainers/testcontainers-go"

	"oteldocs.dev/testcontainers/metadata"
	"oteldocs.dev/testcontainers/metadata/emulator"
)

// The cloud metadata emulators: one image, a container per service, each
// giving the variable its detector reads.
func init() {
	register("gcp-metadata", metadataStarter(func(hostPort string) map[string]string {
		return map[string]string{"GCE_METADATA_HOST": hostPort}
	}))
	register("ec2-metadata", metadataStarter(func(hostPort string) map[string]string {
		return map[string]string{"AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://" + hostPort}
	}))
	register("ecs-metadata", metadataStarter(func(hostPort string) map[string]string {
		return map[string]string{"ECS_CONTAINER_METADATA_URI_V4": "http://" + hostPort + emulator.ECSPath}
	}))
	register("azure-metadata", netnsStarter(func(ctx context.Context, c *metadata.Container) (metadata.Netns, error) {
		return c.ServeAt(ctx, metadata.AzureIMDSAddress)
	}))
	register("eks-api", Starter{
		Image: metadata.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := metadata.Run(ctx, ref, testcontainers.WithCmd("-k8s-addr", ":"+metadata.K8sPort))
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			// Inside the container, where run.container runs the example.
			vars := map[string]string{"KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": metadata.K8sPort}
			inst.Env = func(context.Context, string) (map[string]string, error) { return vars, nil }
			return inst, err
		},
	})
	register("no-metadata", netnsStarter(func(ctx context.Context, c *metadata.Container) (metadata.Netns, error) {
		return c.Blackhole(ctx, metadata.AzureIMDSAddress)
	}))
}

// netnsStarter starts an emulator and prepares its network namespace for
// run.netns with setup.
func netnsStarter(setup func(context.Context, *metadata.Container) (metadata.Netns, error)) Starter {
	return Starter{
		Image: metadata.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := metadata.Run(ctx, ref)
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			if err != nil {
				return inst, err
			}
			ns, err := setup(ctx, c)
			if err != nil {
				return inst, err
			}
			inst.Netns = &ns
			return inst, nil
		},
	}
}

// metadataStarter starts an emulator and gives env(its host:port).
func metadataStarter(env func(hostPort string) map[string]string) Starter {
	return Starter{
		Image: metadata.Image,
		Start: func(ctx context.Context, ref string) (*Instance, error) {
			c, err := metadata.Run(ctx, ref)
			inst := &Instance{}
			if c != nil {
				inst.Container = c
			}
			if err != nil {
				return inst, err
			}
			hp, err := c.HostPort(ctx)
			if err != nil {
				return inst, fmt.Errorf("metadata emulator: %w", err)
			}
			vars := env(hp)
			inst.Env = func(context.Context, string) (map[string]string, error) { return vars, nil }
			return inst, nil
		},
	}
}
