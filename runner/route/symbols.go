package route

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"reflect"
	"sync"

	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/generic"
	ysyscall "github.com/traefik/yaegi/stdlib/syscall"
	"github.com/traefik/yaegi/stdlib/unrestricted"
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

var (
	tableOnce sync.Once
	table     symbols
)

// yaegiSymbols returns the names of yaegi's standard library: its binary
// tables and the generic packages it compiles from source.
func yaegiSymbols() symbols {
	tableOnce.Do(func() {
		table = symbols{}
		for _, t := range []map[string]map[string]reflect.Value{stdlib.Symbols, unrestricted.Symbols, ysyscall.Symbols} {
			table.addTable(t)
		}
		for _, src := range generic.Sources {
			table.addSource(src)
		}
	})
	return table
}

// addTable adds a yaegi symbol table, whose keys are "path/name".
func (s symbols) addTable(t map[string]map[string]reflect.Value) {
	for key, syms := range t {
		pkg := path.Dir(key)
		if s[pkg] == nil {
			s[pkg] = map[string]bool{}
		}
		for name := range syms {
			s[pkg][name] = true
		}
	}
}

// addSource adds the top-level names of a standard package yaegi
// compiles from source (its generic packages: cmp, maps, slices).
func (s symbols) addSource(src string) {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	pkg := f.Name.Name
	if s[pkg] == nil {
		s[pkg] = map[string]bool{}
	}
	for _, d := range f.Decls {
		for _, name := range declNames(d) {
			s[pkg][name] = true
		}
	}
}

// declNames returns the names a top-level declaration declares.
func declNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				names = append(names, sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}
