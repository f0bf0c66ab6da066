package collector

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Paths and ports inside the container.
const (
	configPath = "/etc/otelcol/config.yaml"
	certPath   = "/etc/otelcol/tls/cert.pem"
	keyPath    = "/etc/otelcol/tls/key.pem"
	dataPath   = "/data"
	grpcPort   = "4317/tcp"
	httpPort   = "4318/tcp"
	healthPort = "13133/tcp"
)

// FileFlushInterval is how often the file exporters write what they have
// buffered to /data. The pipelines have no batch processor and the file
// exporter no sending queue, so the OTLP receiver answers a request only
// once the exporter holds it: a request the Collector accepted is in its
// file within this interval. It is the whole of the Collector's own
// latency, which a reader of DataDir must wait out before it concludes
// that something did not arrive.
const FileFlushInterval = 100 * time.Millisecond

// Signals are the telemetry signals the Collector receives and writes, one
// file per signal: /data/<signal>.json.
const (
	Traces  = "traces"
	Metrics = "metrics"
	Logs    = "logs"
)

var signals = []string{Traces, Metrics, Logs}

// m is a YAML mapping.
type m = map[string]any

// config returns the Collector configuration for the options: OTLP in (gRPC
// and HTTP), every signal out to its own JSON lines file and to debug.
func (o options) config() ([]byte, error) {
	grpc := m{"endpoint": "0.0.0.0:4317"}
	http := m{"endpoint": "0.0.0.0:4318"}
	if len(o.corsOrigins) > 0 {
		http["cors"] = m{"allowed_origins": o.corsOrigins}
	}
	extensions := m{"health_check": m{"endpoint": "0.0.0.0:13133"}}
	enabled := []string{"health_check"}
	if len(o.certPEM) > 0 {
		tls := m{"cert_file": certPath, "key_file": keyPath}
		grpc["tls"], http["tls"] = tls, tls
	}
	if o.bearerToken != "" {
		extensions["bearertokenauth"] = m{"token": o.bearerToken}
		enabled = append(enabled, "bearertokenauth")
		auth := m{"authenticator": "bearertokenauth"}
		grpc["auth"], http["auth"] = auth, auth
	}

	exporters := m{"debug": m{"verbosity": o.verbosity}}
	pipelines := m{}
	for _, s := range signals {
		exporters["file/"+s] = m{
			"path":           dataPath + "/" + s + ".json",
			"format":         "json",
			"flush_interval": FileFlushInterval.String(),
			// A container stopped and started again (verify's
			// collector.outage) keeps what arrived before.
			"append": true,
		}
		// No processors (no batch processor): see FileFlushInterval.
		pipelines[s] = m{
			"receivers": []string{"otlp"},
			"exporters": []string{"file/" + s, "debug"},
		}
	}

	cfg := m{
		"extensions": extensions,
		"receivers":  m{"otlp": m{"protocols": m{"grpc": grpc, "http": http}}},
		"exporters":  exporters,
		"service": m{
			"extensions": enabled,
			"pipelines":  pipelines,
			// No internal metrics endpoint: nothing listens but OTLP and health.
			"telemetry": m{"metrics": m{"level": "none"}},
		},
	}
	b, err := yaml.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("collector config: %w", err)
	}
	return b, nil
}
