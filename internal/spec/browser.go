package spec

import (
	"fmt"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Browser drives a headless Chromium against a served example (run.serve):
// verify opens the page the program serves and plays the steps, in order,
// after run.serve.requests and before the signal. What the page printed
// to its console, and each step, join the run's output.
type Browser struct {
	Line int `yaml:"-"`
	// Wasm builds a main package of the module for GOOS=js GOARCH=wasm
	// before the run, into the example's folder, with the wasm_exec.js of
	// the same Go beside it; verify reports its sizes.
	Wasm  *Wasm          `yaml:"wasm"`
	Steps []*BrowserStep `yaml:"steps"`
	// StepTimeout bounds each step (default 30s): a wait that never
	// matches fails the case, and the server still gets its signal within
	// run.timeout.
	StepTimeout Duration `yaml:"step_timeout"`
}

// DefaultStepTimeout bounds each browser step unless run.browser.step_timeout
// says otherwise.
const DefaultStepTimeout = 30 * time.Second

// Wasm is a js/wasm build of one main package of the example.
type Wasm struct {
	// Package is the main package, such as ./wasm.
	Package string `yaml:"package"`
	// Out is the file written, relative to the example's folder, such as
	// web/main.wasm; wasm_exec.js goes in the same folder.
	Out string `yaml:"out"`
}

// BrowserStep is one thing the browser does; exactly one field is set.
type BrowserStep struct {
	Line int `yaml:"-"`
	// Open loads a path of the served program, such as /.
	Open string `yaml:"open"`
	// Click clicks the first element matching a CSS selector.
	Click string `yaml:"click"`
	// Type types text into the element matching the selector.
	Type *TypeStep `yaml:"type"`
	// Network switches the browser's network: offline or online.
	Network string `yaml:"network"`
	// Wait waits until an element matches a CSS selector (bounded by
	// run.timeout), such as output[data-waiting="0"].
	Wait string `yaml:"wait"`
}

// TypeStep types Text into the element matching Selector.
type TypeStep struct {
	Selector string `yaml:"selector"`
	Text     string `yaml:"text"`
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (b *Browser) UnmarshalYAML(n *yaml.Node) error {
	type plain Browser
	b.Line = n.Line
	return decodeStrict(n, (*plain)(b))
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *BrowserStep) UnmarshalYAML(n *yaml.Node) error {
	type plain BrowserStep
	s.Line = n.Line
	return decodeStrict(n, (*plain)(s))
}

// String is the step as verify's output names it: click #echo.
func (s *BrowserStep) String() string {
	switch {
	case s.Open != "":
		return "open " + s.Open
	case s.Click != "":
		return "click " + s.Click
	case s.Type != nil:
		return fmt.Sprintf("type %q into %s", s.Type.Text, s.Type.Selector)
	case s.Network != "":
		return "network " + s.Network
	}
	return "wait for " + s.Wait
}

// checkBrowser checks run.browser.
func (s *Spec) checkBrowser(bad reporter) {
	b := s.Run.Browser
	if b == nil {
		return
	}
	if b.StepTimeout.Duration == 0 {
		b.StepTimeout.Duration = DefaultStepTimeout
	}
	if s.Run.Serve == nil {
		bad(b.Line, "run.browser: the browser opens what the program serves; add run.serve")
	}
	if w := b.Wasm; w != nil {
		if !strings.HasPrefix(w.Package, "./") || path.Clean(w.Package) == "." || strings.Contains(w.Package, "..") {
			bad(b.Line, "run.browser.wasm.package: want a main package inside the example, such as ./wasm, got %q", w.Package)
		}
		if w.Out == "" || path.IsAbs(w.Out) || strings.Contains(w.Out, "..") || !strings.HasSuffix(w.Out, ".wasm") {
			bad(b.Line, "run.browser.wasm.out: want a .wasm file inside the example, such as web/main.wasm, got %q", w.Out)
		}
	}
	if len(b.Steps) == 0 {
		bad(b.Line, "run.browser.steps: want at least one step, such as open: /")
	}
	for i, st := range b.Steps {
		if st == nil {
			bad(b.Line, "run.browser.steps: an empty list item")
			continue
		}
		checkStep(bad, i, st)
	}
}

func checkStep(bad reporter, i int, st *BrowserStep) {
	set := 0
	for _, f := range []bool{st.Open != "", st.Click != "", st.Type != nil, st.Network != "", st.Wait != ""} {
		if f {
			set++
		}
	}
	if set != 1 {
		bad(st.Line, "run.browser.steps[%d]: want exactly one of open, click, type, network, wait; got %d", i, set)
		return
	}
	switch {
	case st.Open != "" && !strings.HasPrefix(st.Open, "/"):
		bad(st.Line, "run.browser.steps[%d].open: want a path starting with /, got %q", i, st.Open)
	case st.Type != nil && st.Type.Selector == "":
		bad(st.Line, "run.browser.steps[%d].type: want {selector: CSS, text: ...}", i)
	case st.Network != "" && st.Network != "offline" && st.Network != "online":
		bad(st.Line, "run.browser.steps[%d].network: want offline or online, got %q", i, st.Network)
	}
}
