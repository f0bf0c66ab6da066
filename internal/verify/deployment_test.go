package verify

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"oteldocs.dev/internal/spec"
)

// deployment is the part of a Kubernetes Deployment these tests read.
type deployment struct {
	Kind string `yaml:"kind"`
	Spec struct {
		Template struct {
			Spec struct {
				TerminationGracePeriodSeconds int `yaml:"terminationGracePeriodSeconds"`
				SecurityContext               struct {
					RunAsUser int `yaml:"runAsUser"`
				} `yaml:"securityContext"`
				Containers []container `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type container struct {
	Name  string `yaml:"name"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env []struct {
		Name      string    `yaml:"name"`
		Value     string    `yaml:"value"`
		ValueFrom yaml.Node `yaml:"valueFrom"`
	} `yaml:"env"`
	ReadinessProbe *probe `yaml:"readinessProbe"`
	LivenessProbe  *probe `yaml:"livenessProbe"`
}

type probe struct {
	HTTPGet struct {
		Path string `yaml:"path"`
		Port string `yaml:"port"`
	} `yaml:"httpGet"`
}

// Every examples/<id>/deploy/deployment.yaml fits the example it deploys:
// each variable is one the program or a library it builds with reads (or
// one that another variable's value refers to), the container port is
// the one ADDR gives and the Dockerfile exposes, the probes ask for a path
// that verify saw the server answer with 200, and the grace period covers
// the server's drain and flush deadlines.
func TestDeployments(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/deploy/deployment.yaml")
	if len(files) == 0 {
		t.Fatal("no examples/*/deploy/deployment.yaml found")
	}
	for _, f := range files {
		dir := filepath.Dir(filepath.Dir(f))
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var d deployment
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(b, &d); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if d.Kind != "Deployment" || len(d.Spec.Template.Spec.Containers) != 1 {
				t.Fatalf("%s: want a Deployment with one container, got kind %q with %d", f, d.Kind, len(d.Spec.Template.Spec.Containers))
			}
			checkDeployment(t, f, dir, d)
		})
	}
}

func checkDeployment(t *testing.T, f, dir string, d deployment) {
	c := d.Spec.Template.Spec.Containers[0]
	code := exampleCode(t, dir)
	libs := dependencySource(t, dir)
	env := map[string]string{}
	for _, e := range c.Env {
		env[e.Name] = e.Value
	}
	for _, e := range c.Env {
		refd := false
		for _, other := range c.Env {
			refd = refd || strings.Contains(other.Value, "$("+e.Name+")")
		}
		switch {
		case strings.HasPrefix(e.Name, "OTEL_"):
			if !strings.Contains(libs, e.Name) {
				t.Errorf("%s: env %s: no package the example builds with names it; a misspelt variable is ignored silently", f, e.Name)
			}
		case strings.Contains(code, `os.Getenv("`+e.Name+`")`):
		case refd:
		default:
			t.Errorf("%s: env %s: the program does not read it (os.Getenv) and no other variable refers to it as $(%s)", f, e.Name, e.Name)
		}
	}

	// The port: ADDR's, the container's, the Dockerfile's EXPOSE.
	_, port, ok := strings.Cut(env["ADDR"], ":")
	if !ok || len(c.Ports) != 1 || strconv.Itoa(c.Ports[0].ContainerPort) != port {
		t.Errorf("%s: containerPort %v does not match ADDR %q", f, c.Ports, env["ADDR"])
	}
	dockerfile := readString(t, filepath.Join(dir, "Dockerfile"))
	if !regexp.MustCompile(`(?m)^EXPOSE ` + regexp.QuoteMeta(port) + `$`).MatchString(dockerfile) {
		t.Errorf("%s: the Dockerfile does not EXPOSE %s, ADDR's port", f, port)
	}
	if uid := d.Spec.Template.Spec.SecurityContext.RunAsUser; !strings.Contains(dockerfile, "USER "+strconv.Itoa(uid)+":") {
		t.Errorf("%s: runAsUser %d is not the Dockerfile's USER", f, uid)
	}

	// The probes: a named port, and a path verify got 200 from.
	sp, err := spec.Parse(filepath.Join(dir, "verify.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	if sp.Run.Serve != nil {
		for _, r := range sp.Run.Serve.Requests {
			served[r.Path] = served[r.Path] || (r.Method == "GET" && r.Status == 200)
		}
	}
	for name, p := range map[string]*probe{"readinessProbe": c.ReadinessProbe, "livenessProbe": c.LivenessProbe} {
		if p == nil {
			t.Errorf("%s: no %s", f, name)
			continue
		}
		if !served[p.HTTPGet.Path] {
			t.Errorf("%s: %s asks for %q, which verify.yaml's run.serve.requests never GETs with status 200", f, name, p.HTTPGet.Path)
		}
		if len(c.Ports) == 0 || p.HTTPGet.Port != c.Ports[0].Name {
			t.Errorf("%s: %s port %q is not the container's named port", f, name, p.HTTPGet.Port)
		}
	}

	// SIGKILL comes terminationGracePeriodSeconds after SIGTERM.
	drain, flush := seconds(t, code, "drainTimeout"), seconds(t, code, "shutdownTimeout")
	if grace := d.Spec.Template.Spec.TerminationGracePeriodSeconds; grace <= drain+flush {
		t.Errorf("%s: terminationGracePeriodSeconds %d does not exceed drainTimeout %ds + shutdownTimeout %ds: the pod is killed before it flushes", f, grace, drain, flush)
	}
}

// exampleCode is the text of the example's Go files.
func exampleCode(t *testing.T, dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var b strings.Builder
	for _, f := range files {
		b.WriteString(readString(t, f))
	}
	return b.String()
}

// dependencySource is the text of the Go files of every package the example
// builds with (go list -deps), the standard library left out.
func dependencySource(t *testing.T, dir string) string {
	cmd := exec.Command("go", "list", "-deps", "-f", `{{if not .Standard}}{{.Dir}}{{end}}`, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps in %s: %v", dir, err)
	}
	var b strings.Builder
	for _, d := range strings.Fields(string(out)) {
		files, _ := filepath.Glob(filepath.Join(d, "*.go"))
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				b.WriteString(readString(t, f))
			}
		}
	}
	return b.String()
}

// seconds reads "const name = N * time.Second" from code.
func seconds(t *testing.T, code, name string) int {
	m := regexp.MustCompile(`const ` + name + ` = (\d+) \* time\.Second`).FindStringSubmatch(code)
	if m == nil {
		t.Fatalf("no const %s = N * time.Second in the example", name)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func readString(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
