package pipelines

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// gitlabJob is the part of a .gitlab-ci.yml job the checks read.
type gitlabJob struct {
	Stage     string            `yaml:"stage"`
	Extends   string            `yaml:"extends"`
	Needs     []string          `yaml:"needs"`
	Variables map[string]string `yaml:"variables"`
	Script    []string          `yaml:"script"`
	Rules     []struct {
		If string `yaml:"if"`
	} `yaml:"rules"`
	line int
}

// The variables GitLab sets in every job that the pipeline may use
// (GitLab's "Predefined CI/CD variables" reference), and those of the
// runner's environment.
var gitlabPredefined = []string{
	"CI", "GITLAB_CI", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_SHA",
	"CI_DEFAULT_BRANCH", "CI_JOB_ID", "CI_JOB_NAME", "CI_JOB_URL", "CI_JOB_STAGE",
	"CI_PIPELINE_ID", "CI_PIPELINE_NAME", "CI_PIPELINE_URL", "CI_PROJECT_URL",
	"CI_RUNNER_DESCRIPTION", "PATH", "HOME",
}

// Keywords at the top of .gitlab-ci.yml that are not jobs.
var gitlabKeywords = []string{"default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script"}

var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// checkGitLab returns the problems of a .gitlab-ci.yml: jobs in unknown
// stages, needs of unknown or later jobs, variables used but defined
// nowhere, extends of unknown templates.
func checkGitLab(path string, src []byte) []string {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return []string{fmt.Sprintf("%s: %v", path, err)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return []string{path + ": not a mapping of keywords and jobs"}
	}
	var problems []string
	fail := func(line int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: ", path, line)+fmt.Sprintf(format, args...))
	}
	var top struct {
		Stages    []string          `yaml:"stages"`
		Variables map[string]string `yaml:"variables"`
	}
	if err := doc.Decode(&top); err != nil {
		return []string{fmt.Sprintf("%s: %v", path, err)}
	}
	jobs := map[string]*gitlabJob{}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		name := root.Content[i].Value
		if slices.Contains(gitlabKeywords, name) {
			continue
		}
		j := &gitlabJob{line: root.Content[i].Line}
		if err := root.Content[i+1].Decode(j); err != nil {
			fail(j.line, "job %s: %v", name, err)
			continue
		}
		jobs[name] = j
	}
	// A job inherits what it extends.
	for name, j := range jobs {
		if j.Extends == "" {
			continue
		}
		base, ok := jobs[j.Extends]
		if !ok {
			fail(j.line, "job %s extends %q, which is not defined", name, j.Extends)
			continue
		}
		j.Stage = cmpOr(j.Stage, base.Stage)
		j.Script = cmpOr2(j.Script, base.Script)
		if j.Needs == nil {
			j.Needs = base.Needs
		}
	}
	names := sortedKeys(jobs)
	stageOf := func(s string) int { return slices.Index(top.Stages, s) }
	perStage := map[string]int{}
	for _, name := range names {
		j := jobs[name]
		if strings.HasPrefix(name, ".") {
			continue // a template, not run
		}
		if stageOf(j.Stage) < 0 {
			fail(j.line, "job %s: stage %q is not in stages %q", name, j.Stage, top.Stages)
		}
		perStage[j.Stage]++
		for _, n := range j.Needs {
			needed, ok := jobs[n]
			switch {
			case !ok || strings.HasPrefix(n, "."):
				fail(j.line, "job %s needs %q, which is not a job", name, n)
			case stageOf(needed.Stage) > stageOf(j.Stage):
				fail(j.line, "job %s (stage %s) needs %s of the later stage %s", name, j.Stage, n, needed.Stage)
			}
		}
		text := strings.Join(j.Script, "\n")
		for _, r := range j.Rules {
			text += "\n" + r.If
		}
		for _, m := range varRef.FindAllStringSubmatch(text, -1) {
			v := m[1]
			if _, ok := j.Variables[v]; ok {
				continue
			}
			if _, ok := top.Variables[v]; ok || slices.Contains(gitlabPredefined, v) {
				continue
			}
			fail(j.line, "job %s uses $%s, which neither the file nor GitLab defines", name, v)
		}
	}
	parallel := false
	for _, n := range perStage {
		parallel = parallel || n > 1
	}
	if !parallel {
		problems = append(problems, path+": no stage has two jobs: the pipeline shows jobs of one stage side by side")
	}
	return problems
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func cmpOr2(a, b []string) []string {
	if a != nil {
		return a
	}
	return b
}

func sortedKeys(m map[string]*gitlabJob) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// The pipeline's stages, needs and variables hold together, and every job
// runs through otelci.
func TestGitLabCI(t *testing.T) {
	path := filepath.Join(dir, ".gitlab-ci.yml")
	src := read(t, ".gitlab-ci.yml")
	for _, p := range checkGitLab(path, src) {
		t.Error(p)
	}
	checkJobCalls(t, path, src)
}

// Each mistake is found, so the test above can fail.
func TestGitLabCIBroken(t *testing.T) {
	const ok = "stages: [a, b]\nx:\n  stage: a\n  script: [echo]\ny:\n  stage: a\n  script: [echo]\n"
	broken := []struct{ name, src, want string }{
		{"unknown stage", ok + "z:\n  stage: c\n  script: [echo]\n", `job z: stage "c" is not in stages`},
		{"unknown need", ok + "z:\n  stage: b\n  needs: [w]\n  script: [echo]\n", `job z needs "w", which is not a job`},
		{"later need", ok + "z:\n  stage: b\n  script: [echo]\nw:\n  stage: a\n  needs: [z]\n  script: [echo]\n", `job w (stage a) needs z of the later stage b`},
		{"undefined variable", ok + "z:\n  stage: b\n  script: [echo $NOPE]\n", `job z uses $NOPE, which neither the file nor GitLab defines`},
		{"no parallel stage", "stages: [a]\nx:\n  stage: a\n  script: [echo]\n", `no stage has two jobs`},
	}
	if p := checkGitLab("ok.yml", []byte(ok)); len(p) > 0 {
		t.Fatalf("a good pipeline has problems: %q", p)
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			got := strings.Join(checkGitLab("broken.yml", []byte(b.src)), "\n")
			if !strings.Contains(got, b.want) {
				t.Errorf("got:\n%s\nwant a problem with %q", got, b.want)
			}
		})
	}
}
