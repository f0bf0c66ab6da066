package snippet

import (
	"io/fs"
	"strings"
	"testing"
)

func TestParseInfo(t *testing.T) {
	tests := []struct {
		info string
		want Block
	}{
		{"", Block{Kind: Plain}},
		{"go", Block{Kind: Plain}},
		{"sh title=x", Block{Kind: Plain}},
		{"snippet examples/quickstart/main.go", Block{Kind: Snippet, Path: "examples/quickstart/main.go", Example: "quickstart"}},
		{"snippet  examples/quickstart/main.go#run ", Block{Kind: Snippet, Path: "examples/quickstart/main.go", Region: "run", Example: "quickstart"}},
		{"snippet testcontainers/collector/config.yaml#otlp", Block{Kind: Snippet, Path: "testcontainers/collector/config.yaml", Region: "otlp"}},
		{"snippet examples/otlp-grpc/Dockerfile", Block{Kind: Snippet, Path: "examples/otlp-grpc/Dockerfile", Example: "otlp-grpc"}},
		{"telemetry quickstart", Block{Kind: Telemetry, Example: "quickstart"}},
		{"attributes semconv-http#errors", Block{Kind: Attributes, Example: "semconv-http", Case: "errors"}},
	}
	for _, tt := range tests {
		got, err := ParseInfo(tt.info)
		if err != nil {
			t.Errorf("ParseInfo(%q): %v", tt.info, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseInfo(%q) = %+v, want %+v", tt.info, got, tt.want)
		}
	}
}

func TestParseInfoErrors(t *testing.T) {
	tests := map[string]string{
		"snippet":                        `want "snippet PATH" or "snippet PATH#REGION"`,
		"snippet a/b.go c":               `want "snippet PATH" or "snippet PATH#REGION"`,
		"snippet /etc/passwd":            "path is absolute",
		"snippet C:/x/y.go":              "path is absolute",
		"snippet ../secret/x.go":         "path leaves the repository",
		"snippet examples/../../x.go":    "path leaves the repository",
		"snippet examples/q/..":          "path leaves the repository",
		"snippet examples\\q\\main.go":   "backslash",
		"snippet ./examples/q/main.go":   "path is not clean",
		"snippet examples//q/main.go":    "path is not clean",
		"snippet examples/q/":            "path is not clean",
		"snippet main.go":                "not in a folder",
		"snippet examples/q/main.go#":    `region name ""`,
		"snippet examples/q/main.go#a b": `want "snippet PATH"`,
		"snippet examples/q/main.go#a/b": `region name "a/b"`,
		"telemetry":                      `want "telemetry ID"`,
		"telemetry ../x":                 "an example id is the name of a folder",
		"telemetry Quick":                "an example id is the name of a folder",
	}
	for info, want := range tests {
		_, err := ParseInfo(info)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseInfo(%q) error %v, want one containing %q", info, err, want)
		}
	}
}

func FuzzParseInfo(f *testing.F) {
	for _, s := range []string{"snippet examples/q/main.go#run", "telemetry q", "snippet ../x", "go", "snippet a/b#c#d", "snippet /a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, info string) {
		b, err := ParseInfo(info)
		if err != nil {
			return
		}
		switch b.Kind {
		case Snippet:
			if !fs.ValidPath(b.Path) || strings.Contains(b.Path, "..") && strings.Contains("/"+b.Path+"/", "/../") {
				t.Fatalf("ParseInfo(%q) accepted path %q", info, b.Path)
			}
			if strings.HasPrefix(b.Path, "/") || strings.Contains(b.Path, "\\") {
				t.Fatalf("ParseInfo(%q) accepted path %q", info, b.Path)
			}
		case Telemetry:
			if !ValidExampleID(b.Example) {
				t.Fatalf("ParseInfo(%q) accepted example %q", info, b.Example)
			}
		}
	})
}
