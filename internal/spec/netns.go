package spec

import "strings"

// NetnsServices are the services whose network namespace a program may run
// in: those that answer at a fixed address no variable can change.
var NetnsServices = []string{"azure-metadata", "no-metadata"}

// ContainerServices are the services whose container a program may run in:
// those that give it files at fixed paths, as a Kubernetes pod has.
var ContainerServices = []string{"eks-api"}

// checkNetns checks run.netns and run.container: a service of
// NetnsServices (ContainerServices) that the case needs, for the main
// program alone.
func (s *Spec) checkNetns(bad reporter) {
	r := &s.Run
	if r.Container != "" {
		s.checkContainer(bad)
	}
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

// checkContainer checks run.container.
func (s *Spec) checkContainer(bad reporter) {
	r := &s.Run
	if !contains(ContainerServices, r.Container) {
		bad(s.Line, "run.container: want one of %s, got %q", strings.Join(ContainerServices, ", "), r.Container)
		return
	}
	if !s.NeedsService(r.Container) {
		bad(s.Line, "run.container: %s: add it to this case's needs", r.Container)
	}
	if r.Serve != nil || len(r.Alongside) > 0 || r.Arch != "" || r.Netns != "" || r.Program != "" || r.Test {
		bad(s.Line, "run.container: runs only the example's main program; it does not combine with run.serve, run.alongside, run.arch, run.netns, run.program or run.test")
	}
}
