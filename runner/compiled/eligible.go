package compiled

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"bingfa/runner/engine"
)

// dispatchable reports whether p may be built into a dispatcher (see
// dispatch.go): a conservative static check that it behaves there as in
// a build of its own, but for what the run itself shows (its type names,
// its stack traces, its exit), which the identity fallback catches.
//
// p must be a plain program (no race detector, trace, test, server,
// other language, embedded file, or run outside the sandbox), one file
// of package main with a func main, that:
//   - has no func init and no package-level initialiser that calls a
//     function (but for a few that cannot be seen: see initCalls),
//     since every block's initialisers run in every block's process;
//   - imports only packages of dispatchImports, none as _ or ., and
//     package runtime by its own name for runtimeFuncs only;
//   - has no //go: or //line directive but build constraints (a
//     //go:debug, //go:linkname or //go:embed means something else, or
//     nothing, outside package main);
//   - does not contain the token (which would make every run look
//     untrusted) nor declare a name the dispatcher adds.
func dispatchable(p *engine.Program) bool {
	if p.Race || p.Trace || p.Test != nil || p.Server != nil || p.Lang != "" || p.Unconfined || embeds(p) {
		return false
	}
	if bytes.Contains(bytes.ToLower(p.Source), []byte(dispatchToken)) {
		return false
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", p.Source, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil || f.Name.Name != "main" {
		return false
	}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if directive(c.Text) {
				return false
			}
		}
	}
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || !dispatchImports[path] && path != "runtime" {
			return false
		}
		if imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == "." || path == "runtime") {
			return false
		}
	}
	return declsOK(f) && runtimeOK(f)
}

// runtimeOK reports whether f uses of package runtime (imported by its
// own name) only what runtimeFuncs allows.
func runtimeOK(f *ast.File) bool {
	ok := true
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, is := n.(*ast.SelectorExpr); is {
			if x, is := sel.X.(*ast.Ident); is && x.Name == "runtime" && !runtimeFuncs[sel.Sel.Name] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// runtimeFuncs are what a dispatched block may use of package runtime:
// what does not show frames, function or type names, or the heap (which
// other blocks' initialisers and a larger binary change).
var runtimeFuncs = setOf(`NumCPU GOMAXPROCS NumGoroutine Gosched GC LockOSThread
	UnlockOSThread GOOS GOARCH KeepAlive`)

// directive reports whether a comment is a compiler directive other than
// a build constraint (which bingfa blanks in every build).
func directive(c string) bool {
	if strings.HasPrefix(c, "//go:build") {
		return false
	}
	return strings.HasPrefix(c, "//go:") || strings.HasPrefix(c, "//line ") || strings.HasPrefix(c, "/*line ")
}

// declsOK checks f's top-level declarations: a func main, no func init,
// no name of the dispatcher's or of a builtin that initCalls allows, and
// initialisers that call only what initCalls allows.
func declsOK(f *ast.File) bool {
	hasMain := false
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				continue
			}
			switch name := d.Name.Name; {
			case name == "init", name == dispatchMain, builtinCalls[name]:
				return false
			case name == "main":
				hasMain = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if !specOK(s) {
					return false
				}
			}
		}
	}
	return hasMain
}

// specOK checks one type, const or var spec.
func specOK(s ast.Spec) bool {
	var names []*ast.Ident
	var values []ast.Expr
	switch s := s.(type) {
	case *ast.ValueSpec:
		names, values = s.Names, s.Values
	case *ast.TypeSpec:
		names = []*ast.Ident{s.Name}
	}
	for _, n := range names {
		if n.Name == dispatchMain || builtinCalls[n.Name] {
			return false
		}
	}
	for _, v := range values {
		if !initCalls(v) {
			return false
		}
	}
	return true
}

// builtinCalls are the builtins an initialiser may call (they have no
// effect outside the value they make) and the conversions to predeclared
// types; a file that declares one of these names is not dispatched.
var builtinCalls = map[string]bool{
	"make": true, "new": true, "len": true, "cap": true, "min": true, "max": true,
	"complex": true, "real": true, "imag": true,
	"string": true, "byte": true, "rune": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true, "float32": true, "float64": true, "bool": true, "any": true,
}

// qualifiedCalls are the package functions and conversions an
// initialiser may call: each makes a value and does nothing else.
var qualifiedCalls = map[string]bool{
	"errors.New": true, "time.Duration": true,
}

// initCalls reports whether the expression x, a package-level
// initialiser, calls only builtinCalls, qualifiedCalls and conversions
// to slice or array types. The bodies of function literals do not run at
// initialisation and are not looked at.
func initCalls(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if !allowedCall(n.Fun) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

func allowedCall(fun ast.Expr) bool {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return builtinCalls[f.Name]
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok {
			return qualifiedCalls[pkg.Name+"."+f.Sel.Name]
		}
	case *ast.ArrayType:
		return true // []byte(s), [N]T(x): a conversion
	}
	return false
}

// dispatchImports are the standard packages a dispatched block may
// import: their initialisation has no effect that another block's
// process could see (not expvar or net/http/pprof, which register
// handlers), and they do not write a program's type names into data
// where the token would not show (not encoding/gob, which registers
// them, nor reflect, runtime, runtime/debug, debug/* or testing, which
// show types, frames, the build or the binary).
var dispatchImports = setOf(`
		bufio bytes cmp container/heap container/list container/ring context
		crypto/md5 crypto/rand crypto/sha1 crypto/sha256 crypto/sha512
		encoding/base64 encoding/binary encoding/csv encoding/hex encoding/json
		errors flag fmt hash hash/crc32 hash/fnv html io io/fs iter log maps
		math math/big math/bits math/rand math/rand/v2 net net/http net/url
		os os/exec os/signal path path/filepath regexp slices sort strconv
		strings sync sync/atomic syscall text/tabwriter text/template time
		unicode unicode/utf16 unicode/utf8`)

// setOf returns the set of the space-separated words of s.
func setOf(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}
