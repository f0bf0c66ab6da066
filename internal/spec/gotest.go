package spec

// checkTest checks run.test: the test binary runs on its own, like go test.
func (s *Spec) checkTest(bad reporter) {
	r := &s.Run
	if !r.Test {
		return
	}
	if r.Serve != nil || len(r.Alongside) > 0 || r.Arch != "" {
		bad(s.Line, "run.test: runs the package's tests on their own; it does not combine with run.serve, run.alongside or run.arch")
	}
}
