package pipelines

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// dir is the folder of the pipeline files, from this package.
var dir = filepath.Join("..", "..", "examples", "otelci", "pipelines")

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jobCall is how every pipeline runs a job of jobs.sh.
var jobCall = regexp.MustCompile(`otelci run -level job (?:-name "[^"]*" )?-- sh pipelines/jobs\.sh (\w+)`)

// jobsOf returns the jobs that pipelines/jobs.sh knows: its case labels.
func jobsOf(t *testing.T) []string {
	var jobs []string
	for _, m := range regexp.MustCompile(`(?m)^(\w+)\) \w+_job ;;$`).FindAllSubmatch(read(t, "jobs.sh"), -1) {
		jobs = append(jobs, string(m[1]))
	}
	if len(jobs) == 0 {
		t.Fatal("jobs.sh: no job found: want case labels like `test) test_job ;;`")
	}
	return jobs
}

// checkJobCalls reports each job a pipeline file runs that jobs.sh lacks,
// and fails when the file runs no job through otelci at all.
func checkJobCalls(t *testing.T, file string, src []byte) {
	t.Helper()
	jobs := jobsOf(t)
	calls := jobCall.FindAllSubmatch(src, -1)
	if len(calls) == 0 {
		t.Errorf("%s: no `otelci run -level job -- sh pipelines/jobs.sh JOB`: every job runs through otelci", file)
	}
	for _, c := range calls {
		if !slices.Contains(jobs, string(c[1])) {
			t.Errorf("%s: runs job %q, which pipelines/jobs.sh does not have (it has %q)", file, c[1], jobs)
		}
	}
}
