package static

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"
	"sync"
)

// hostPackages act on the process that runs the program, which under
// yaegi is the worker: they are never interpreted.
var hostPackages = map[string]bool{
	"runtime": true, "runtime/debug": true, "runtime/pprof": true, "runtime/trace": true,
	"syscall": true, "unsafe": true, "os/signal": true, "testing": true,
}

// hostSymbols measure or re-execute the process, or report where the
// code runs.
var hostSymbols = map[string]bool{
	"os.Executable": true, "os.Getpid": true, "os.Getppid": true,
	"time.Now": true, "time.Since": true, "time.Until": true,
	"log.Lshortfile": true, "log.Llongfile": true, // the caller's file and line
}

// symbols is the set of names yaegi knows, by import path.
type symbols map[string]map[string]bool

// has reports whether yaegi has the package, or the package's name.
func (s symbols) has(pkg, name string) bool {
	names, ok := s[pkg]
	return ok && (name == "" || names[name])
}

//go:generate go run ./internal/gensyms

// yaegiSymbols returns the names of yaegi's standard library: its binary
// tables and the generic packages it compiles from source, as
// symbols_gen.go lists them (generated from yaegi's own tables, so that
// bingfa does not link them; a test checks that they are still yaegi's).
var yaegiSymbols = sync.OnceValue(func() symbols {
	s := make(symbols, len(yaegiNames))
	for pkg, names := range yaegiNames {
		set := map[string]bool{}
		for _, n := range strings.Fields(names) {
			set[n] = true
		}
		s[pkg] = set
	}
	return s
})

// symbolRule returns why node n uses a standard-library symbol yaegi
// does not have, or "": an import of a package missing from its tables, a
// package-level name missing from them (strings.Lines, or Lines after
// import . "strings"), or a method or field that Go's API lists add after
// yaegiAPI (yaegi finds methods and fields by reflection on the types of
// the Go it is built with, but only the API of Go 1.22 was checked
// against it).
func symbolRule(c *checked, syms symbols, a *api, n ast.Node) string {
	switch n := n.(type) {
	case *ast.ImportSpec:
		p, _ := strconv.Unquote(n.Path.Value)
		if !syms.has(p, "") {
			return fmt.Sprintf("package %s%s is not in yaegi", p, since(a.packages[p]))
		}
	case *ast.SelectorExpr:
		if sel := c.info.Selections[n]; sel != nil {
			return memberRule(c, a, sel)
		}
	case *ast.Ident:
		return useRule(c, syms, a, n)
	}
	return ""
}

// useRule checks the object an identifier refers to: a package-level
// name, or a method or field, named after the type that declares it.
func useRule(c *checked, syms symbols, a *api, id *ast.Ident) string {
	obj := c.info.Uses[id]
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pkg {
		return "" // the universe's, the program's, or a definition
	}
	if _, ok := obj.(*types.PkgName); ok {
		return ""
	}
	pkg := obj.Pkg()
	if obj.Parent() == pkg.Scope() {
		if !syms.has(pkg.Path(), obj.Name()) {
			return fmt.Sprintf("%s.%s%s is not in yaegi", pkg.Name(), obj.Name(), since(a.version(pkg.Path(), obj.Name())))
		}
		return ""
	}
	return newerMember(a, obj, pkg, c.members.of(obj))
}

// memberRule checks a selected method or field under the name of each
// standard-library type on the way to it, as Go's API lists name them:
// testing.B.Context, declared on an unexported type that B embeds.
func memberRule(c *checked, a *api, sel *types.Selection) string {
	t := sel.Recv()
	for i, index := range sel.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != c.pkg {
			member := n.Origin().Obj().Name() + "." + sel.Obj().Name()
			if msg := newerMember(a, sel.Obj(), n.Obj().Pkg(), member); msg != "" {
				return msg
			}
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i == len(sel.Index())-1 {
			break
		}
		t = st.Field(index).Type()
	}
	return ""
}

// newerMember returns why member of pkg (a method or field obj) is newer
// than yaegi, or "".
func newerMember(a *api, obj types.Object, pkg *types.Package, member string) string {
	if member == "" {
		return ""
	}
	v := a.version(pkg.Path(), member)
	if v == 0 {
		return ""
	}
	kind := "method"
	if _, field := obj.(*types.Var); field {
		kind = "field"
	}
	return fmt.Sprintf("%s %s.%s (Go 1.%d) is newer than yaegi", kind, pkg.Name(), member, v)
}

// since returns " (Go 1.N)" for a release after yaegiAPI, or "".
func since(minor int) string {
	if minor <= yaegiAPI {
		return ""
	}
	return fmt.Sprintf(" (Go 1.%d)", minor)
}

// members names the methods and fields of standard-library types as Go's
// API lists do: "WaitGroup.Go", "Server.Protocols". It is safe for
// concurrent use.
type members struct {
	mu     sync.Mutex
	fields map[*types.Package]map[*types.Var]string // by package: field -> "T.F"
}

func newMembers() *members {
	return &members{fields: map[*types.Package]map[*types.Var]string{}}
}

// of returns the name of a method or field, or "" for anything else (or a
// method of an unnamed interface, which no API list names).
func (m *members) of(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Func:
		recv := obj.Signature().Recv()
		if recv == nil {
			return ""
		}
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			return n.Origin().Obj().Name() + "." + obj.Name()
		}
	case *types.Var:
		if obj.IsField() {
			return m.fieldsOf(obj.Pkg())[obj.Origin()]
		}
	}
	return ""
}

// fieldsOf returns the fields of the struct types that pkg declares, with
// their names as "T.F".
func (m *members) fieldsOf(pkg *types.Package) map[*types.Var]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if f, ok := m.fields[pkg]; ok {
		return f
	}
	f := map[*types.Var]string{}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f[st.Field(i)] = name + "." + st.Field(i).Name()
			}
		}
	}
	m.fields[pkg] = f
	return f
}
