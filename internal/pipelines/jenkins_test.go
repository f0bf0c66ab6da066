package pipelines

import (
	"path/filepath"
	"regexp"
	"testing"
)

// The Jenkinsfile loads the shared library, runs stages in parallel and
// calls its step for jobs that pipelines/jobs.sh has; the step exists in
// the library's vars/ folder and runs the job through otelci.
func TestJenkinsfile(t *testing.T) {
	path := filepath.Join(dir, "Jenkinsfile")
	src := read(t, "Jenkinsfile")
	for _, want := range []struct{ re, why string }{
		{`(?m)^@Library\('otelci'\) _$`, "load the shared library with @Library('otelci') _"},
		{`parallel \{`, "run the build stages in a parallel block"},
	} {
		if !regexp.MustCompile(want.re).Match(src) {
			t.Errorf("%s: %s", path, want.why)
		}
	}
	jobs := jobsOf(t)
	calls := regexp.MustCompile(`otelciJob '(\w+)'`).FindAllSubmatch(src, -1)
	if len(calls) == 0 {
		t.Errorf("%s: no stage calls otelciJob", path)
	}
	for _, c := range calls {
		found := false
		for _, j := range jobs {
			found = found || j == string(c[1])
		}
		if !found {
			t.Errorf("%s: otelciJob '%s': pipelines/jobs.sh has no such job (it has %q)", path, c[1], jobs)
		}
	}
	step := read(t, filepath.Join("vars", "otelciJob.groovy"))
	if !regexp.MustCompile(`def call\(String job\)`).Match(step) {
		t.Errorf("vars/otelciJob.groovy: no `def call(String job)`: a shared-library step is its file's call method")
	}
	if !regexp.MustCompile(`otelci run -level job -- sh pipelines/jobs\.sh \$\{job\}`).Match(step) {
		t.Errorf("vars/otelciJob.groovy: the step does not run `otelci run -level job -- sh pipelines/jobs.sh ${job}`")
	}
}
