package verify

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
	"oteldocs.dev/internal/txtartest"
)

// The setup of OpenTelemetry has one shape in every example (see "One
// shape of setupOTel" in README.md, and examples/quickstart/otel.go):
// setupOTel builds the providers, lists their Shutdown as it goes, stops
// them if a later step fails, installs the globals last, and run flushes
// them with a deferred, bounded call. These tests read the examples' code
// with go/ast and name every departure from that shape.

// The example files the shape is checked in.
const (
	otelFile = "otel.go"
	mainFile = "main.go"
)

// Every example module that builds an SDK provider has the shape. A module
// that requires go.opentelemetry.io/otel/sdk for its resource package alone
// (otlp-http-json builds OTLP JSON by hand) has no providers to set up.
func TestExamplesSetupShape(t *testing.T) {
	mods, _ := filepath.Glob("../../examples/*/go.mod")
	if len(mods) == 0 {
		t.Fatal("no example modules found")
	}
	for _, mod := range mods {
		dir := filepath.Dir(mod)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := map[string][]byte{}
			names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
			for _, name := range append(names, filepath.Join(dir, "go.mod")) {
				b, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				files[filepath.Base(name)] = b
			}
			rel, _ := filepath.Rel("../..", dir)
			for _, p := range checkSetupShape(rel, files) {
				t.Error(p)
			}
		})
	}
}

// The checker fails on each bad shape, with the message a reader needs.
func TestSetupShapeFixtures(t *testing.T) {
	txtartest.Run(t, "testdata/setupshape/*.txtar", func(t *testing.T, files map[string][]byte) (string, bool) {
		problems := checkSetupShape("examples/x", files)
		if len(problems) == 0 {
			return "ok\n", true
		}
		return strings.Join(problems, "\n") + "\n", false
	})
}

// checkSetupShape returns the problems of one example, each starting with
// file:line. files holds the module's go.mod and *.go files by name.
func checkSetupShape(dir string, files map[string][]byte) []string {
	c := &shapeChecker{dir: dir, fset: token.NewFileSet()}
	if !c.requiresSDK(files["go.mod"]) || !importsProviderSDK(files) {
		return c.problems
	}
	src, ok := files[otelFile]
	if !ok {
		c.errorf(token.NoPos, "%s/go.mod requires go.opentelemetry.io/otel/sdk but there is no %s: set up OpenTelemetry in a setupOTel function there", dir, otelFile)
		return c.problems
	}
	otelAST := c.parse(otelFile, src)
	if otelAST == nil {
		return c.problems
	}
	c.checkConst(otelAST)
	if fn := findFunc(otelAST, "setupOTel"); fn == nil {
		c.errorf(otelAST.Package, "no func setupOTel: set up OpenTelemetry in %s", setupSignature)
	} else {
		c.checkSetup(otelAST, fn)
	}
	if mainAST := c.parse(mainFile, files[mainFile]); mainAST != nil {
		c.checkCaller(mainAST)
	}
	return c.problems
}

const setupSignature = "func setupOTel(ctx context.Context) (shutdown func(context.Context) error, err error)"

type shapeChecker struct {
	dir      string
	fset     *token.FileSet
	problems []string
}

func (c *shapeChecker) errorf(pos token.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if pos.IsValid() {
		p := c.fset.Position(pos)
		msg = fmt.Sprintf("%s/%s:%d: %s", c.dir, p.Filename, p.Line, msg)
	}
	c.problems = append(c.problems, msg)
}

// The SDK packages that hold a provider.
var providerPackages = []string{
	"go.opentelemetry.io/otel/sdk/trace",
	"go.opentelemetry.io/otel/sdk/metric",
	"go.opentelemetry.io/otel/sdk/log",
}

// importsProviderSDK reports whether a Go file imports a provider package.
func importsProviderSDK(files map[string][]byte) bool {
	for name, src := range files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			return true // let the full check report it
		}
		for _, path := range importNames(f) {
			if slices.Contains(providerPackages, path) {
				return true
			}
		}
	}
	return false
}

func (c *shapeChecker) requiresSDK(gomod []byte) bool {
	if gomod == nil {
		return false
	}
	f, err := modfile.ParseLax(c.dir+"/go.mod", gomod, nil)
	if err != nil {
		c.errorf(token.NoPos, "%v", err)
		return false
	}
	return slices.ContainsFunc(f.Require, func(r *modfile.Require) bool {
		return r.Mod.Path == "go.opentelemetry.io/otel/sdk" && !r.Indirect
	})
}

func (c *shapeChecker) parse(name string, src []byte) *ast.File {
	if src == nil {
		c.errorf(token.NoPos, "%s/%s: missing: run calls setupOTel there", c.dir, name)
		return nil
	}
	f, err := parser.ParseFile(c.fset, name, src, parser.ParseComments)
	if err != nil {
		c.errorf(token.NoPos, "%s/%v", c.dir, err)
		return nil
	}
	return f
}

// checkConst wants a package-level const shutdownTimeout in otel.go.
func (c *shapeChecker) checkConst(f *ast.File) {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				if slices.ContainsFunc(s.(*ast.ValueSpec).Names, isIdent("shutdownTimeout")) {
					return
				}
			}
		}
	}
	c.errorf(f.Package, "no const shutdownTimeout: declare it beside setupOTel (e.g. 5 * time.Second) and use it for the final flush in %s", mainFile)
}

func (c *shapeChecker) checkSetup(f *ast.File, fn *ast.FuncDecl) {
	if got := funcSignature(fn); got != setupSignature {
		c.errorf(fn.Pos(), "setupOTel has the signature %s: want %s", got, setupSignature)
	}
	imports := importNames(f)
	body := fn.Body.List
	list := c.shutdownList(fn)
	all := c.shutdownAll(fn, list)
	c.checkCleanupDefer(fn, all)
	last := c.checkProviders(body, imports, list)
	c.checkGlobals(body, imports, last)
}

// shutdownList finds `var shutdowns []func(context.Context) error` and
// returns the variable's name.
func (c *shapeChecker) shutdownList(fn *ast.FuncDecl) string {
	for _, st := range fn.Body.List {
		d, ok := st.(*ast.DeclStmt)
		if !ok {
			continue
		}
		for _, s := range d.Decl.(*ast.GenDecl).Specs {
			v, ok := s.(*ast.ValueSpec)
			if ok && len(v.Names) == 1 && exprString(v.Type) == "[]func(context.Context) error" {
				return v.Names[0].Name
			}
		}
	}
	c.errorf(fn.Body.Lbrace, "setupOTel keeps no list of shutdown functions: start it with `var shutdowns []func(context.Context) error`")
	return ""
}

// shutdownAll finds the local function that calls every function in the
// list, and checks that setupOTel returns it.
func (c *shapeChecker) shutdownAll(fn *ast.FuncDecl, list string) string {
	if list == "" {
		return ""
	}
	name := ""
	for _, st := range fn.Body.List {
		a, ok := st.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
			continue
		}
		if lit, ok := a.Rhs[0].(*ast.FuncLit); ok && rangesOver(lit.Body, list) {
			name = exprString(a.Lhs[0])
		}
	}
	if name == "" {
		c.errorf(fn.Body.Lbrace, "no function that calls every function in %s: add `shutdownAll := func(ctx context.Context) error` that ranges over it and joins the errors", list)
		return ""
	}
	returned := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 2 && exprString(r.Results[0]) == name {
			returned = true
		}
		return true
	})
	if !returned {
		c.errorf(fn.Body.Rbrace, "setupOTel does not return %s: end with `return %s, nil`", name, name)
	}
	return name
}

// checkCleanupDefer wants `defer func() { if err != nil { ... all(ctx) ... } }()`.
func (c *shapeChecker) checkCleanupDefer(fn *ast.FuncDecl, all string) {
	for _, st := range fn.Body.List {
		d, ok := st.(*ast.DeferStmt)
		if !ok {
			continue
		}
		lit, ok := d.Call.Fun.(*ast.FuncLit)
		if !ok {
			continue
		}
		for _, s := range lit.Body.List {
			if i, ok := s.(*ast.IfStmt); ok && exprString(i.Cond) == "err != nil" && (all == "" || calls(i.Body, all)) {
				return
			}
		}
	}
	c.errorf(fn.Body.Lbrace, "setupOTel has no deferred cleanup on error: add `defer func() { if err != nil { err = errors.Join(err, shutdownAll(ctx)) } }()` so a failed step stops the providers already built")
}

// The SDK's provider constructors, by import path.
var providerCtors = map[string]bool{
	"go.opentelemetry.io/otel/sdk/trace.NewTracerProvider": true,
	"go.opentelemetry.io/otel/sdk/metric.NewMeterProvider": true,
	"go.opentelemetry.io/otel/sdk/log.NewLoggerProvider":   true,
}

// checkProviders wants each provider's Shutdown appended to the list right
// after the provider is built, before any later step can return. It
// returns the index in body of the last provider built.
func (c *shapeChecker) checkProviders(body []ast.Stmt, imports map[string]string, list string) int {
	last := -1
	checked := map[*ast.CallExpr]bool{}
	defer func() {
		// A provider built anywhere else (inline, in a nested block) has
		// no Shutdown in the list.
		for _, st := range body {
			ast.Inspect(st, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && providerCtors[qualified(call.Fun, imports)] && !checked[call] {
					c.errorf(call.Pos(), "a provider built here is not assigned to a variable of setupOTel's body: assign it, then append its Shutdown to the shutdown list")
				}
				return true
			})
		}
	}()
	for i, st := range body {
		a, ok := st.(*ast.AssignStmt)
		if !ok || len(a.Rhs) != 1 {
			continue
		}
		call, ok := a.Rhs[0].(*ast.CallExpr)
		if !ok {
			continue
		}
		ctor := qualified(call.Fun, imports)
		if !providerCtors[ctor] {
			continue
		}
		checked[call] = true
		last = i
		v := exprString(a.Lhs[0])
		if list == "" {
			list = "shutdowns"
		}
		want := fmt.Sprintf("%s = append(%s, %s.Shutdown)", list, list, v)
		if !appendedBeforeReturn(body[i+1:], want) {
			c.errorf(a.Pos(), "the Shutdown of %s (%s) is not appended to the shutdown list before the next step that can fail: add `%s` right after it", v, ctor[strings.LastIndex(ctor, "/")+1:], want)
		}
	}
	return last
}

func appendedBeforeReturn(rest []ast.Stmt, want string) bool {
	for _, st := range rest {
		if exprString(st) == want {
			return true
		}
		if containsReturn(st) {
			return false
		}
	}
	return false
}

// checkGlobals wants every otel.Set* call after the last provider is built
// and after the last step that can fail.
func (c *shapeChecker) checkGlobals(body []ast.Stmt, imports map[string]string, lastProvider int) {
	lastReturn := -1
	for i, st := range body {
		if _, final := st.(*ast.ReturnStmt); !final && containsReturn(st) {
			lastReturn = i
		}
	}
	for i, st := range body {
		e, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := e.X.(*ast.CallExpr)
		if !ok {
			continue
		}
		name := qualified(call.Fun, imports)
		if !strings.HasPrefix(name, "go.opentelemetry.io/otel.Set") {
			continue
		}
		if i < lastProvider || i < lastReturn {
			c.errorf(st.Pos(), "%s runs before every provider is built and every step has succeeded: install globals at the end of setupOTel, just before `return shutdownAll, nil`", "otel."+name[strings.LastIndex(name, ".")+1:])
		}
	}
}

// checkCaller wants run to defer a flush bounded by shutdownTimeout, in a
// fresh context: `defer func() { ctx, cancel := context.WithTimeout(
// context.Background(), shutdownTimeout); ...; shutdown(ctx) }()`.
func (c *shapeChecker) checkCaller(f *ast.File) {
	var setupCall *ast.AssignStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
			if call, ok := a.Rhs[0].(*ast.CallExpr); ok && exprString(call.Fun) == "setupOTel" {
				setupCall = a
			}
		}
		return setupCall == nil
	})
	if setupCall == nil {
		c.errorf(f.Package, "no call of setupOTel: call it at the start of run")
		return
	}
	shutdown := exprString(setupCall.Lhs[0])
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.DeferStmt)
		if !ok {
			return true
		}
		if lit, ok := d.Call.Fun.(*ast.FuncLit); ok && calls(lit.Body, shutdown) &&
			contains(lit.Body, "context.WithTimeout(context.Background(), shutdownTimeout)") {
			found = true
		}
		return !found
	})
	if !found && !flushedByExport(f, shutdown) {
		c.errorf(setupCall.Pos(), "%s is not flushed with shutdownTimeout: after the error check add `defer func() { ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout); defer cancel(); err = errors.Join(err, %s(ctx)) }()`", shutdown, shutdown)
	}
}

// Helpers on the syntax tree.

func findFunc(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
			return fn
		}
	}
	return nil
}

func isIdent(name string) func(*ast.Ident) bool {
	return func(id *ast.Ident) bool { return id.Name == name }
}

// funcSignature prints fn's declaration line without its body.
func funcSignature(fn *ast.FuncDecl) string {
	return "func " + fn.Name.Name + strings.TrimPrefix(exprString(fn.Type), "func")
}

// importNames maps the names a file uses for its imports to their paths.
func importNames(f *ast.File) map[string]string {
	m := map[string]string{}
	for _, im := range f.Imports {
		path, _ := strconv.Unquote(im.Path.Value)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		m[name] = path
	}
	return m
}

// qualified returns "import/path.Name" for pkg.Name, or "" for anything else.
func qualified(e ast.Expr, imports map[string]string) string {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || imports[pkg.Name] == "" {
		return ""
	}
	return imports[pkg.Name] + "." + sel.Sel.Name
}

// anyNode reports whether pred holds for a node of the tree under n, not
// looking into function literals when skipFuncs is set.
func anyNode(n ast.Node, skipFuncs bool, pred func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok && skipFuncs {
			return false
		}
		found = found || (n != nil && pred(n))
		return !found
	})
	return found
}

func containsReturn(n ast.Node) bool {
	return anyNode(n, true, func(n ast.Node) bool { _, ok := n.(*ast.ReturnStmt); return ok })
}

func rangesOver(n ast.Node, name string) bool {
	return anyNode(n, false, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		return ok && exprString(r.X) == name
	})
}

func calls(n ast.Node, name string) bool {
	return anyNode(n, false, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		return ok && exprString(call.Fun) == name
	})
}

// exprString prints a node as gofmt would, on one line where it fits.
func exprString(n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), n); err != nil {
		return ""
	}
	return b.String()
}

func contains(n ast.Node, expr string) bool {
	return anyNode(n, false, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		return ok && exprString(e) == expr
	})
}
