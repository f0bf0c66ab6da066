package collector

import (
	"io/fs"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestConfig(t *testing.T) {
	o := defaultOptions()
	WithTLS([]byte("cert"), []byte("key"))(&o)
	WithBearerToken("tok")(&o)
	b, err := o.config()
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Receivers struct {
			OTLP struct {
				Protocols map[string]struct {
					Endpoint string
					TLS      map[string]string
					Auth     map[string]string
					CORS     map[string][]string
				}
			} `yaml:"otlp"`
		}
		Exporters map[string]map[string]string
		Service   struct {
			Extensions []string
			Pipelines  map[string]map[string][]string
		}
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	for proto, p := range cfg.Receivers.OTLP.Protocols {
		if p.TLS["cert_file"] != certPath || p.Auth["authenticator"] != "bearertokenauth" {
			t.Errorf("otlp %s: tls %v, auth %v", proto, p.TLS, p.Auth)
		}
	}
	if got := cfg.Receivers.OTLP.Protocols["http"].CORS["allowed_origins"]; len(got) != 0 {
		t.Errorf("http cors allowed_origins = %q without WithCORS, want none", got)
	}
	for _, s := range signals {
		if got := cfg.Exporters["file/"+s]["path"]; got != "/data/"+s+".json" {
			t.Errorf("file/%s path = %q", s, got)
		}
		if got := cfg.Service.Pipelines[s]["exporters"]; len(got) != 2 {
			t.Errorf("pipeline %s exporters = %q", s, got)
		}
		// FileFlushInterval is the Collector's whole latency only while
		// nothing else holds data back.
		if got := cfg.Exporters["file/"+s]["flush_interval"]; got != FileFlushInterval.String() {
			t.Errorf("file/%s flush_interval = %q, want FileFlushInterval (%s)", s, got, FileFlushInterval)
		}
		if p := cfg.Service.Pipelines[s]["processors"]; len(p) > 0 {
			t.Errorf("pipeline %s has processors %q: FileFlushInterval no longer bounds the Collector's latency; update it and verify's settle window", s, p)
		}
		if q, ok := cfg.Exporters["file/"+s]["sending_queue"]; ok {
			t.Errorf("file/%s has a sending_queue %q: FileFlushInterval no longer bounds the latency", s, q)
		}
	}
	if got := strings.Join(cfg.Service.Extensions, ","); got != "health_check,bearertokenauth" {
		t.Errorf("service extensions = %q", got)
	}
}

// TestCoreVersion keeps CoreVersion in step with the distribution's go.mod
// and the version its binary reports.
func TestCoreVersion(t *testing.T) {
	for file, want := range map[string]string{
		"go.mod":  "go.opentelemetry.io/collector/otelcol v" + CoreVersion + "\n",
		"main.go": `const version = "` + CoreVersion + `"`,
	} {
		b, err := fs.ReadFile(Distribution(), file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("the distribution's %s (in _otelcol) does not contain %q", file, want)
		}
	}
}

func TestConfigCORS(t *testing.T) {
	o := defaultOptions()
	WithCORS("http://127.0.0.1:*")(&o)
	b, err := o.config()
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Receivers struct {
			OTLP struct {
				Protocols map[string]struct {
					CORS map[string][]string
				}
			} `yaml:"otlp"`
		}
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if got := cfg.Receivers.OTLP.Protocols["http"].CORS["allowed_origins"]; len(got) != 1 || got[0] != "http://127.0.0.1:*" {
		t.Errorf("http cors allowed_origins = %q, want [http://127.0.0.1:*]", got)
	}
	if got := cfg.Receivers.OTLP.Protocols["grpc"].CORS; got != nil {
		t.Errorf("grpc cors = %q, want none (CORS is for HTTP)", got)
	}
}
