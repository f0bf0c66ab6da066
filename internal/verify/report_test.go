package verify

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oteldocs.dev/internal/results"
)

var reportFixture = []results.Example{
	{ID: "ok", Status: results.StatusPass, Level: results.LevelAsserted, DurationMS: 1500},
	{ID: "bad", Status: results.StatusFail, Level: results.LevelRan, DurationMS: 250, Failures: []string{
		"examples/bad/verify.yaml:12: spans[0]: no span matches\n  FAIL kind want \"SERVER\", got \"CLIENT\"",
		"timing: build 1s, run 2s (exit status 0), 100% done",
	}},
}

// Failures become annotations on the file and line they name (the
// example's verify.yaml otherwise), one line each, newlines escaped.
func TestAnnotate(t *testing.T) {
	var b bytes.Buffer
	Annotate(&b, reportFixture)
	want := "::error file=examples/bad/verify.yaml,line=12,title=verify bad::examples/bad/verify.yaml:12: spans[0]: no span matches%0A  FAIL kind want \"SERVER\", got \"CLIENT\"\n" +
		"::error file=examples/bad/verify.yaml,line=1,title=verify bad::timing: build 1s, run 2s (exit status 0), 100%25 done\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", &b, want)
	}
}

// JUnit XML has a test case per example, a failure for each failed one.
func TestWriteJUnit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := WriteJUnit(path, reportFixture); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{
		`<testsuite name="verify" tests="2" failures="1" time="1.750">`,
		`<testcase name="ok" classname="examples" time="1.500"></testcase>`,
		`<failure message="examples/bad/verify.yaml:12: spans[0]: no span matches">`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("junit.xml lacks %s:\n%s", want, b)
		}
	}
}
