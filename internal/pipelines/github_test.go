package pipelines

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// lint returns actionlint's findings on a workflow, one per line as
// file:line:col: message [rule].
func lint(t *testing.T, path string, src []byte) []string {
	t.Helper()
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(path, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s [%s]", path, e.Line, e.Column, e.Message, e.Kind))
	}
	return out
}

// The workflow passes actionlint and runs every job through otelci; the
// build job is a matrix, so its jobs run side by side.
func TestGitHubWorkflow(t *testing.T) {
	path := filepath.Join(dir, "github.yml")
	src := read(t, "github.yml")
	for _, e := range lint(t, path, src) {
		t.Error(e)
	}
	checkJobCalls(t, path, src)

	w, errs := actionlint.Parse(src)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs[0])
	}
	build := w.Jobs["build"]
	if build == nil || build.Strategy == nil || build.Strategy.Matrix == nil {
		t.Fatalf("%s: no job build with a matrix: the pipeline shows parallel jobs with one", path)
	}
	for id, job := range w.Jobs {
		if !strings.Contains(string(joinRuns(job)), "otelci run -level job") {
			t.Errorf("%s:%d: job %s has no step running otelci run -level job", path, job.Pos.Line, id)
		}
	}
}

func joinRuns(job *actionlint.Job) []byte {
	var b strings.Builder
	for _, s := range job.Steps {
		if r, ok := s.Exec.(*actionlint.ExecRun); ok && r.Run != nil {
			b.WriteString(r.Run.Value + "\n")
		}
	}
	return []byte(b.String())
}

// actionlint finds what a broken workflow gets wrong, so the test above can
// fail.
func TestGitHubWorkflowBroken(t *testing.T) {
	broken := []struct{ name, src, want string }{
		{"unknown need", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [nope]\n    steps:\n      - run: echo\n", `job "a" needs job "nope" which does not exist`},
		{"bad expression", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.goarch }}\n", `property "goarch" is not defined`},
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			got := strings.Join(lint(t, "broken.yml", []byte(b.src)), "\n")
			if !strings.Contains(got, b.want) {
				t.Errorf("actionlint said:\n%s\nwant a finding with %q", got, b.want)
			}
		})
	}
}
