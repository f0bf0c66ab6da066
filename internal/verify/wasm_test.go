package verify

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"oteldocs.dev/internal/spec"
)

// TestBuildWasm builds a small module for js/wasm as run.browser.wasm
// does: the stripped module and wasm_exec.js land in the example's folder,
// no temporary file stays, and the report's sizes shrink from plain to
// stripped to gzip to brotli.
func TestBuildWasm(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a js/wasm module")
	}
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module fixture\n\ngo 1.26.0\n")
	write("wasm/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello from wasm\") }\n")
	ex := Example{ID: "fixture", Dir: dir}
	report, err := buildWasm(context.Background(), ex, &spec.Wasm{Package: "./wasm", Out: "web/main.wasm"})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "web"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "main.wasm" || names[1] != "wasm_exec.js" {
		t.Errorf("web/ holds %q, want [main.wasm wasm_exec.js]", names)
	}
	var sizes []int
	for _, m := range regexp.MustCompile(`(?m)^verify:   [^\n]*?(\d+)(  served as web/main.wasm)?$`).FindAllStringSubmatch(string(report), -1) {
		n, _ := strconv.Atoi(m[1])
		sizes = append(sizes, n)
	}
	if len(sizes) != 4 {
		t.Fatalf("want 4 sizes in the report, got %d:\n%s", len(sizes), report)
	}
	for i := 1; i < len(sizes); i++ {
		if sizes[i] <= 0 || sizes[i] >= sizes[i-1] {
			t.Errorf("size %d (%d) is not below the one before (%d):\n%s", i, sizes[i], sizes[i-1], report)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "web", "main.wasm")); err != nil || int(fi.Size()) != sizes[1] {
		t.Errorf("web/main.wasm is not the stripped build of %d bytes: %v", sizes[1], err)
	}
}
