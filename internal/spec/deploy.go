package spec

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Deploy lists files an example ships for deployment, which verify checks
// without deploying them: a Dockerfile it builds with the local engine, and
// Collector configurations it validates with the Collector distribution's
// `validate` command. Paths are relative to the example's folder. Deploy
// belongs to the main document; a failure fails the example.
type Deploy struct {
	Line int `yaml:"-"`
	// Dockerfile is built with `docker build`; the build argument GO_IMAGE
	// names a local image holding the host's Go toolchain, since golang
	// images cannot be pulled here.
	Dockerfile string `yaml:"dockerfile"`
	// CollectorConfigs are each run through `otelcol validate --config`.
	CollectorConfigs []string `yaml:"collector_configs"`
	// Lines of each file's entry, for messages: the Dockerfile's, then
	// one per collector config.
	DockerfileLine int   `yaml:"-"`
	ConfigLines    []int `yaml:"-"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Deploy) UnmarshalYAML(n *yaml.Node) error {
	type plain Deploy
	d.Line = n.Line
	if err := decodeStrict(n, (*plain)(d)); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch key, v := n.Content[i], n.Content[i+1]; key.Value {
		case "dockerfile":
			d.DockerfileLine = v.Line
		case "collector_configs":
			for _, item := range v.Content {
				d.ConfigLines = append(d.ConfigLines, item.Line)
			}
		}
	}
	return nil
}

// checkDeploy checks that deploy is on the main document and that each path
// it names stays inside the example's folder. Whether the files exist is
// verify's to say, when it builds and validates them.
func (s *Spec) checkDeploy(bad reporter) {
	d := s.Deploy
	if d == nil {
		return
	}
	if s.Case != "" {
		bad(d.Line, "deploy: belongs to the first document of verify.yaml, not to case %q", s.Case)
	}
	if d.Dockerfile == "" && len(d.CollectorConfigs) == 0 {
		bad(d.Line, "deploy: name a dockerfile or collector_configs, or remove it")
	}
	files := append([]string(nil), d.CollectorConfigs...)
	if d.Dockerfile != "" {
		files = append(files, d.Dockerfile)
	}
	for _, f := range files {
		if f == "" || path.IsAbs(f) || strings.HasPrefix(path.Clean(f), "..") {
			bad(d.Line, "deploy: want a path inside the example's folder, got %q", f)
			continue
		}
	}
}
