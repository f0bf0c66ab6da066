// Package service is the one list of the services an example may need: the
// names a verify.yaml writes under needs:, and the environment variables
// each gives a running example. Package spec checks needs: against it,
// verify starts what it lists, cmd/images builds its images.
//
// It imports no Docker code, so spec stays light (and fuzzable). How each
// service is started, and from which image, is in
// oteldocs.dev/testcontainers/services.
//
// # How to add a service
//
//  1. Add its entry to the list below: the name examples write in needs:,
//     the variables it gives them (standard names, e.g. REDIS_URL), one line
//     saying what it is, and its Reader: the public image, the docker run
//     arguments and the value of each variable against it, from which the
//     README of every download that needs it is written.
//  2. Write its package under testcontainers/<name>: the image recipe
//     (Image) and a Run helper, with a test, like testcontainers/mosquitto.
//  3. Register it in testcontainers/services/<name>.go: its image and a
//     start function returning the container and the variables for one
//     example. Until then, verify stops with an error naming that file.
//
// The manual of verify.yaml (go doc oteldocs.dev/internal/verify) lists
// the services and their variables for readers: add a line there too.
package service

import "slices"

// Service is one thing an example may need besides its own program.
type Service struct {
	Name  string   // as written under needs: in verify.yaml
	Env   []string // the variables it gives a running example, and only these
	About string   // what it is, in a few words
	// Reader is how a reader runs the service on their own machine, for
	// the README in each example's download.
	Reader Reader
}

// Reader is one service as a reader starts it with docker run: the public
// image, the arguments, and the value each of the service's variables then
// takes. The README of a download is written from it; the test that runs a
// download swaps Image for the image built here.
type Reader struct {
	Image string   // public image, e.g. postgres:17
	Args  []string // docker run arguments before the image: ports, -e, -v
	Cmd   []string // arguments after the image
	// Values gives each variable in Env its value against that container.
	Values map[string]string
	// Note, if set, is a sentence the README prints after the docker run
	// lines: where an image is not public, or when to start none.
	Note string
}

// all is the registry, in the order services start.
var all = []Service{
	{Name: "collector", About: "the OpenTelemetry Collector every example exports to; verify gives OTEL_EXPORTER_OTLP_* itself",
		Reader: Reader{
			Image: "otel/opentelemetry-collector-contrib:0.161.0",
			// CollectorConfig is in the zip; both receivers, and the
			// debug exporter printing what arrives.
			Args: []string{"-p", "4317:4317", "-p", "4318:4318", "-v", `"$PWD/otelcol.yaml:/etc/otelcol/config.yaml:ro"`},
			Cmd:  []string{"--config=/etc/otelcol/config.yaml"},
		}},
	{Name: "postgres", Env: []string{"DATABASE_URL"}, About: "PostgreSQL, a fresh database per example",
		Reader: Reader{
			Image:  "postgres:17",
			Args:   []string{"-p", "5432:5432", "-e", "POSTGRES_PASSWORD=postgres"},
			Values: map[string]string{"DATABASE_URL": "postgres://postgres:postgres@localhost:5432/postgres?sslmode=disable"},
		}},
	{Name: "mqtt", Env: []string{"MQTT_URL"}, About: "an MQTT broker (Mosquitto)",
		Reader: Reader{
			Image:  "eclipse-mosquitto:2",
			Args:   []string{"-p", "1883:1883"},
			Cmd:    []string{"mosquitto", "-c", "/mosquitto-no-auth.conf"},
			Values: map[string]string{"MQTT_URL": "tcp://localhost:1883"},
		}},
	{Name: "mysql", Env: []string{"MYSQL_DSN"}, About: "a MySQL-compatible server (MariaDB), database oteldocs",
		Reader: Reader{
			Image: "mariadb:10.11",
			Args: []string{"-p", "3306:3306", "-e", "MARIADB_DATABASE=oteldocs", "-e", "MARIADB_USER=oteldocs",
				"-e", "MARIADB_PASSWORD=oteldocs", "-e", "MARIADB_RANDOM_ROOT_PASSWORD=1"},
			Values: map[string]string{"MYSQL_DSN": "oteldocs:oteldocs@tcp(localhost:3306)/oteldocs"},
		}},
	{Name: "redis", Env: []string{"REDIS_URL"}, About: "a Redis server",
		Reader: Reader{
			Image:  "redis:7",
			Args:   []string{"-p", "6379:6379"},
			Values: map[string]string{"REDIS_URL": "redis://localhost:6379/0"},
		}},
	// The cloud metadata emulators: one image (oteldocs.dev/testcontainers/metadata,
	// built by `go run ./cmd/images` in this project; there is no public one),
	// one container per service. On the cloud itself, leave the variable unset.
	{Name: "gcp-metadata", Env: []string{"GCE_METADATA_HOST"}, About: "an emulator of the Google Cloud metadata server (the project's own)",
		Reader: Reader{
			Image:  "oteldocs/metadata:1",
			Args:   []string{"-p", "8080:8080"},
			Values: map[string]string{"GCE_METADATA_HOST": "localhost:8080"},
			Note:   "oteldocs/metadata:1 is this project's emulator of the cloud metadata services; build it with `go run ./cmd/images` in the project's repository. On Google Cloud itself start no emulator and leave GCE_METADATA_HOST unset.",
		}},
	{Name: "ec2-metadata", Env: []string{"AWS_EC2_METADATA_SERVICE_ENDPOINT"}, About: "an emulator of the AWS EC2 instance metadata service, IMDSv2 (the project's own)",
		Reader: Reader{
			Image:  "oteldocs/metadata:1",
			Args:   []string{"-p", "8081:8080"},
			Values: map[string]string{"AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://localhost:8081"},
			Note:   "oteldocs/metadata:1 is this project's emulator of the cloud metadata services; build it with `go run ./cmd/images` in the project's repository. On EC2 itself start no emulator and leave AWS_EC2_METADATA_SERVICE_ENDPOINT unset.",
		}},
	{Name: "ecs-metadata", Env: []string{"ECS_CONTAINER_METADATA_URI_V4"}, About: "an emulator of the AWS ECS task metadata endpoint v4 (the project's own)",
		Reader: Reader{
			Image:  "oteldocs/metadata:1",
			Args:   []string{"-p", "8082:8080"},
			Values: map[string]string{"ECS_CONTAINER_METADATA_URI_V4": "http://localhost:8082/v4/8f03e41243824aea923aca126495f665-3822082590"},
			Note:   "oteldocs/metadata:1 is this project's emulator of the cloud metadata services; build it with `go run ./cmd/images` in the project's repository. In an ECS task the ECS agent sets ECS_CONTAINER_METADATA_URI_V4 itself.",
		}},
	// Azure's IMDS has a fixed address and no variable: a case runs the
	// program inside the emulator's network namespace (run.netns).
	{Name: "azure-metadata", About: "an emulator of the Azure Instance Metadata Service at 169.254.169.254, for run.netns (the project's own)",
		Reader: Reader{
			Image: "oteldocs/metadata:1",
			Note:  "oteldocs/metadata:1 is this project's emulator of the cloud metadata services; build it with `go run ./cmd/images` in the project's repository. The Azure VM detector asks only 169.254.169.254, so outside Azure it finds this container only from inside its network namespace (verify runs the example there with nsenter); on an Azure VM start no emulator.",
		}},
	{Name: "eks-api", Env: []string{"KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT"}, About: "a Kubernetes API for the EKS detector, over TLS, with a pod's service account files in its container, for run.container (the project's own)",
		Reader: Reader{
			Image:  "oteldocs/metadata:1",
			Cmd:    []string{"-k8s-addr", ":8443"},
			Values: map[string]string{"KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": "8443"},
			Note:   "oteldocs/metadata:1 is this project's emulator; build it with `go run ./cmd/images` in the project's repository. The EKS detector reads a pod's service account files at fixed paths, which only this container has: verify copies the example into it and runs it there (docker cp, docker exec). In an EKS pod, Kubernetes sets both variables and mounts the files.",
		}},
	{Name: "no-metadata", About: "a network namespace where 169.254.169.254 drops every packet, as off any cloud, for run.netns",
		Reader: Reader{
			Image: "oteldocs/metadata:1",
			Note:  "verify runs this example inside a network namespace where 169.254.169.254 drops every packet, as a network off any cloud may; on your machine the example runs as it is, and the detectors ask whatever answers there.",
		}},
}

// CollectorConfig is the Collector configuration a reader runs an example
// against: OTLP over gRPC and HTTP in, every signal printed by the debug
// exporter, so that what arrives shows in docker logs.
const CollectorConfig = `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318
exporters:
  debug:
    verbosity: detailed
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
    metrics:
      receivers: [otlp]
      exporters: [debug]
    logs:
      receivers: [otlp]
      exporters: [debug]
`

// All returns the registry, in start order.
func All() []Service {
	out := slices.Clone(all)
	for i := range out {
		out[i].Env = slices.Clone(out[i].Env)
		out[i].Reader.Args = slices.Clone(out[i].Reader.Args)
		out[i].Reader.Cmd = slices.Clone(out[i].Reader.Cmd)
	}
	return out
}

// Names returns the names of the services, in start order.
func Names() []string {
	names := make([]string, len(all))
	for i, s := range all {
		names[i] = s.Name
	}
	return names
}

// Known returns the set of names, for checking needs:.
func Known() map[string]bool {
	set := make(map[string]bool, len(all))
	for _, s := range all {
		set[s.Name] = true
	}
	return set
}

// Lookup returns the service called name, or false.
func Lookup(name string) (Service, bool) {
	for _, s := range all {
		if s.Name == name {
			s.Env = slices.Clone(s.Env)
			return s, true
		}
	}
	return Service{}, false
}

// GivesEnv reports whether some service gives the variable key: verify
// keeps such a variable of its own environment from an example, which would
// otherwise reach someone else's database.
func GivesEnv(key string) bool {
	for _, s := range all {
		if slices.Contains(s.Env, key) {
			return true
		}
	}
	return false
}
