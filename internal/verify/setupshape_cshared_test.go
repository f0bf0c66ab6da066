package verify

import (
	"go/ast"
	"strings"
)

// flushedByExport reports whether f is a C shared library (go build
// -buildmode=c-shared) that flushes in an exported function: it has no run
// to defer in, so its host calls a function such as Shutdown, which must
// call shutdown bounded by shutdownTimeout.
func flushedByExport(f *ast.File, shutdown string) bool {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && exportsToC(fn) && calls(fn.Body, shutdown) &&
			contains(fn.Body, "context.WithTimeout(context.Background(), shutdownTimeout)") {
			return true
		}
	}
	return false
}

// exportsToC reports whether fn has a cgo //export directive.
func exportsToC(fn *ast.FuncDecl) bool {
	if fn.Doc == nil {
		return false
	}
	for _, c := range fn.Doc.List {
		if strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}
