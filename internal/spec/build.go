package spec

import (
	"maps"
	"regexp"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// BuildVar names the folder verify makes for a case's build outputs: in
// run.build, run.program and run.args, ${BUILD} expands to it.
const BuildVar = "BUILD"

// Step is one command of run.build, run in the example's folder before the
// program, such as a build for another target (a wasm module, a C shared
// library, a C program). Its output goes to ${BUILD}, never to the example's
// folder, which is the source the page shows.
type Step struct {
	Line int `yaml:"-"`
	// Cmd is the program and its arguments, run as is (no shell).
	Cmd []string `yaml:"cmd"`
	// Env is added to verify's own environment (with GOWORK=off and
	// GOFLAGS=-mod=readonly, as for the example's build), e.g. GOOS.
	Env map[string]string `yaml:"env"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *Step) UnmarshalYAML(n *yaml.Node) error {
	type plain Step
	s.Line = n.Line
	return decodeStrict(n, (*plain)(s))
}

var varRef = regexp.MustCompile(`\$\{([^}]*)\}`)

// checkBuild checks run.build and run.program, and that run.args refers
// to no variable but ${BUILD}.
func (s *Spec) checkBuild(bad reporter) {
	r := &s.Run
	refs := func(where string, line int, vals ...string) {
		for _, v := range vals {
			for _, m := range varRef.FindAllStringSubmatch(v, -1) {
				if m[1] != BuildVar {
					bad(line, "%s: %s is not a variable here; only ${%s}, the folder for build outputs, is", where, m[0], BuildVar)
				}
			}
		}
	}
	for i, st := range r.Build {
		if st == nil {
			bad(s.Line, "run.build: an empty list item")
			continue
		}
		where := "run.build[" + strconv.Itoa(i) + "]"
		if len(st.Cmd) == 0 || st.Cmd[0] == "" {
			bad(st.Line, "%s.cmd: want the command and its arguments, such as [go, build, -o, '${BUILD}/guest.wasm', ./guest]", where)
		}
		refs(where+".cmd", st.Line, st.Cmd...)
		for _, k := range slices.Sorted(maps.Keys(st.Env)) {
			v := st.Env[k]
			if !envName.MatchString(k) {
				bad(st.Line, "%s.env: want a variable name, got %q", where, k)
			}
			refs(where+".env", st.Line, v)
		}
	}
	refs("run.program", s.Line, r.Program)
	refs("run.args", s.Line, r.Args...)
	if r.Program != "" && r.Arch != "" {
		bad(s.Line, "run.program: run.arch builds and runs the example's Go program; it does not combine with run.program")
	}
}
