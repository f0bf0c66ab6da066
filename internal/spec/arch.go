package spec

import (
	"path"
	"strings"
)

// Arches are the values of run.arch: Linux on the architecture, amd64, arm
// (32-bit, built with GOARM=7) or arm64.
var Arches = []string{"amd64", "arm", "arm64"}

// Emulators are the qemu-user-static programs that run a binary of each
// arch on another host (Debian's qemu-user-static package).
var Emulators = map[string]string{"amd64": "qemu-x86_64-static", "arm": "qemu-arm-static", "arm64": "qemu-aarch64-static"}

// checkArch checks run.arch and run.sizes.
func (s *Spec) checkArch(bad reporter) {
	r := &s.Run
	if r.Arch == "" {
		if len(r.Sizes) > 0 {
			bad(s.Line, "run.sizes: sizes are measured for run.arch; add run.arch (one of %s)", strings.Join(Arches, ", "))
		}
		return
	}
	if !contains(Arches, r.Arch) {
		bad(s.Line, "run.arch: want one of %s, got %q", strings.Join(Arches, ", "), r.Arch)
	}
	if r.Serve != nil || len(r.Alongside) > 0 {
		bad(s.Line, "run.arch: runs only the main program; it does not combine with run.serve or run.alongside")
	}
	for i, p := range r.Sizes {
		if !strings.HasPrefix(p, "./") || path.Clean(p) == "." || strings.Contains(p, "..") {
			bad(s.Line, "run.sizes[%d]: want a main package inside the example, such as ./bare, got %q", i, p)
		}
	}
}
