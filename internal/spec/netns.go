package spec

import "strings"

// NetnsServices are the services whose network namespace a program may run
// in: those that answer at a fixed address no variable can change.
var NetnsServices = []string{"azure-metadata", "no-metadata"}

// checkNetns checks run.netns: a service of NetnsServices that the case
// needs, for the main program alone.
func (s *Spec) checkNetns(bad reporter) {
	r := &s.Run
	if r.Netns == "" {
		return
	}
	if !contains(NetnsServices, r.Netns) {
		bad(s.Line, "run.netns: want one of %s, got %q", strings.Join(NetnsServices, ", "), r.Netns)
		return
	}
	if !s.NeedsService(r.Netns) {
		bad(s.Line, "run.netns: %s: add it to this case's needs", r.Netns)
	}
	if r.Serve != nil || len(r.Alongside) > 0 || r.Arch != "" {
		bad(s.Line, "run.netns: runs only the main program; it does not combine with run.serve, run.alongside or run.arch")
	}
}
