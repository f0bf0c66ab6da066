package results

import (
	"testing"
	"testing/fstest"
)

// Verify that the fingerprint follows the example's files (content, name,
// a new file) but not editor state, and that Changed needs a recorded one.
func TestFingerprint(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{"main.go": {Data: []byte("package main\n")}, "verify.yaml": {Data: []byte("collector: true\n")}}
	}
	fp := func(fsys fstest.MapFS) string {
		t.Helper()
		s, err := Fingerprint(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := fp(base())
	dot := base()
	dot[".idea/workspace.xml"] = &fstest.MapFile{Data: []byte("x")}
	dot[".main.go.swp"] = &fstest.MapFile{Data: []byte("x")}
	if got := fp(dot); got != want {
		t.Errorf("dotfiles changed the fingerprint: %s, want %s", got, want)
	}
	gen := base()
	gen["web/.gitignore"] = &fstest.MapFile{Data: []byte("main.wasm\nwasm_exec.js\n")}
	gen["web/main.wasm"] = &fstest.MapFile{Data: []byte("\x00asm")}
	gen["main.wasm"] = &fstest.MapFile{Data: []byte("\x00asm")} // not listed in its own folder
	withGen := fp(gen)
	delete(gen, "web/main.wasm")
	if got := fp(gen); got != withGen {
		t.Errorf("a file listed in its folder's .gitignore changed the fingerprint")
	}
	delete(gen, "main.wasm")
	if got := fp(gen); got == withGen {
		t.Errorf("a file its folder's .gitignore does not list left the fingerprint unchanged")
	}
	edited, renamed, added := base(), base(), base()
	edited["main.go"] = &fstest.MapFile{Data: []byte("package main \n")}
	renamed["server.go"], renamed["main.go"] = renamed["main.go"], nil
	delete(renamed, "main.go")
	added["otel.go"] = &fstest.MapFile{Data: []byte("package main\n")}
	for name, fsys := range map[string]fstest.MapFS{"edited": edited, "renamed": renamed, "added": added} {
		if fp(fsys) == want {
			t.Errorf("%s: same fingerprint as before", name)
		}
	}
	if (Example{}).Changed(want) {
		t.Error("a result without a fingerprint counts as changed")
	}
	if !(Example{Fingerprint: want}).Changed(fp(edited)) || (Example{Fingerprint: want}).Changed(want) {
		t.Error("Changed does not compare the fingerprints")
	}
}
