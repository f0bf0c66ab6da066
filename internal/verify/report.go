package verify

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"oteldocs.dev/internal/results"
)

// What a run reports besides its lines: the summary table, JUnit XML
// (which CI systems draw as a test report: one test case per example, its
// failures as the failure's text) and GitHub annotations.

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the results rs as JUnit XML to path.
func WriteJUnit(path string, rs []results.Example) error {
	s := junitSuite{Name: "verify", Tests: len(rs)}
	var total int64
	for _, r := range rs {
		total += r.DurationMS
		c := junitCase{Name: r.ID, Classname: "examples", Time: junitSeconds(r.DurationMS)}
		if r.Status != results.StatusPass {
			s.Failures++
			msg := "reached level " + string(r.Level)
			if len(r.Failures) > 0 {
				msg, _, _ = strings.Cut(r.Failures[0], "\n")
			}
			c.Failure = &junitFailure{Message: msg, Text: strings.Join(r.Failures, "\n")}
		}
		s.Cases = append(s.Cases, c)
	}
	s.Time = junitSeconds(total)
	b, err := xml.MarshalIndent(junitSuites{Suites: []junitSuite{s}}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte(xml.Header), append(b, '\n')...), 0o644)
}

func junitSeconds(ms int64) string { return strconv.FormatFloat(float64(ms)/1000, 'f', 3, 64) }

// atFile finds the file:line a failure starts with or names.
var atFile = regexp.MustCompile(`(examples/[A-Za-z0-9_.-]+/[^\s:()]+):(\d+)`)

// Annotate prints each failure of rs as a GitHub Actions error annotation,
// on the file and line it names (the example's verify.yaml, usually), so
// the pull request shows it there.
func Annotate(w io.Writer, rs []results.Example) {
	for _, r := range rs {
		if r.Status == results.StatusPass {
			continue
		}
		failures := r.Failures
		if len(failures) == 0 {
			failures = []string{fmt.Sprintf("examples/%s reached level %s", r.ID, r.Level)}
		}
		for _, f := range failures {
			file, line := "examples/"+r.ID+"/verify.yaml", "1"
			if m := atFile.FindStringSubmatch(f); m != nil {
				file, line = m[1], m[2]
			}
			fmt.Fprintf(w, "::error file=%s,line=%s,title=verify %s::%s\n", file, line, r.ID, escapeAnnotation(f))
		}
	}
}

// escapeAnnotation escapes a message as GitHub's workflow commands require.
func escapeAnnotation(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// summary prints every example of the run as a table, the slowest first
// (what to split across shards, what to make faster).
func summary(w io.Writer, rs []results.Example) {
	if len(rs) < 2 {
		return
	}
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b results.Example) int { return cmp.Compare(b.DurationMS, a.DurationMS) })
	fmt.Fprintf(w, "verify: summary\n  %-32s %-6s %-9s %s\n", "EXAMPLE", "STATUS", "LEVEL", "TIME")
	for _, r := range rs {
		level := string(r.Level)
		if level == "" {
			level = "-"
		}
		fmt.Fprintf(w, "  %-32s %-6s %-9s %s\n", r.ID, strings.ToUpper(string(r.Status)), level,
			(time.Duration(r.DurationMS) * time.Millisecond).Round(100*time.Millisecond))
	}
}
