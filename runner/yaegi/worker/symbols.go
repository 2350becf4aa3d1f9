package main

import (
	"errors"
	"go/parser"
	"go/token"
	"path"
	"reflect"
	"runtime"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/generic"
	ysyscall "github.com/traefik/yaegi/stdlib/syscall"
	"github.com/traefik/yaegi/stdlib/unrestricted"
)

// The interpreter's symbols are loaded package by package, for the
// packages a program can reach only: copying every package's symbols into
// the interpreter (Use) was about a sixth of a worker's processor time. A
// package can reach the packages it imports, directly or not (stdDeps),
// and the interpreter needs the symbols of every package whose interface
// types a program's values may be converted to (its wrappers), so a
// program gets the packages it imports and all they import. The
// packages yaegi's Use adjusts when it loads fmt (fixStdlib), those its
// generic sources need and all they import are loaded first, before the
// request, as Use(stdlib.Symbols) loads them; a program's other packages
// are loaded as the same Use would have loaded them, after it.

// tables are the symbol tables of the unrestricted interpreter, in the
// order they are loaded: a package's symbols are those of the first,
// replaced by those of the others.
var tables = []interp.Exports{stdlib.Symbols, unrestricted.Symbols, ysyscall.Symbols}

// basePackages are the packages loaded before the request: those
// fixStdlib adjusts (fmt, flag, log, os, math/bits), those of the generic
// sources (cmp, maps, slices), and all they import.
var basePackages = []string{"fmt", "flag", "log", "os", "math/bits", "cmp", "maps", "slices"}

// A loader loads the interpreter's packages.
type loader struct {
	in     *interp.Interpreter
	deps   map[string][]string // stdDeps
	loaded map[string]bool
}

// newLoader returns a loader of in's packages, and loads the base
// packages, with the worker's own log, flag and os.Args (native).
func newLoader(in *interp.Interpreter, native interp.Exports) (*loader, error) {
	l := &loader{in: in, deps: parseDeps(stdDeps), loaded: map[string]bool{}}
	base := l.closure(basePackages)
	if goRelease(runtime.Version()) != stdDepsGo {
		// Another Go's standard library may import differently: every
		// package is loaded, as Use(stdlib.Symbols) loads them.
		base = everyPackage()
	}
	if err := l.loadBase(native, base); err != nil {
		return nil, err
	}
	return l, nil
}

// loadBase loads the packages of base before the request, with the
// worker's own symbols (native) over yaegi's.
func (l *loader) loadBase(native interp.Exports, base map[string]bool) error {
	first := subset(stdlib.Symbols, base)
	first["."] = stdlib.Symbols["."]
	if err := useStdlib(l.in, first); err != nil {
		return err
	}
	if err := l.in.Use(native); err != nil {
		return err
	}
	for _, t := range tables[1:] {
		if err := l.in.Use(subset(t, base)); err != nil {
			return err
		}
	}
	for p := range base {
		l.loaded[p] = true
	}
	return nil
}

// everyPackage returns every package the tables have symbols for.
func everyPackage() map[string]bool {
	all := map[string]bool{}
	for _, t := range tables {
		for k := range t {
			if k != "." {
				all[path.Dir(k)] = true
			}
		}
	}
	return all
}

// goRelease returns the release of a Go version: "go1.26" for
// "go1.26.8". The import graph of the standard library does not change
// within a release.
func goRelease(v string) string {
	if i := strings.Index(v, "."); i >= 0 {
		if j := strings.IndexAny(v[i+1:], ".-+ "); j >= 0 {
			return v[:i+1+j]
		}
	}
	return v
}

// load loads the packages src imports and all they import; all packages
// when it cannot tell them (src does not parse, or imports a package
// stdDeps does not know).
func (l *loader) load(src string) error {
	imports, ok := importsOf(src)
	for _, p := range imports {
		if _, known := l.deps[p]; !known {
			ok = false
		}
	}
	var want map[string]bool
	if ok {
		want = l.closure(imports)
	}
	for p := range l.loaded {
		delete(want, p)
	}
	for _, t := range tables {
		var syms interp.Exports
		if ok {
			syms = subset(t, want)
		} else {
			syms = except(t, l.loaded)
		}
		if err := l.in.Use(syms); err != nil {
			return err
		}
	}
	return nil
}

// closure returns the packages of roots and all they import.
func (l *loader) closure(roots []string) map[string]bool {
	seen := map[string]bool{}
	todo := append([]string(nil), roots...)
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		todo = append(todo, l.deps[p]...)
	}
	return seen
}

// subset returns the symbols of t's packages in pkgs.
func subset(t interp.Exports, pkgs map[string]bool) interp.Exports {
	s := interp.Exports{}
	for k, v := range t {
		if pkgs[path.Dir(k)] {
			s[k] = v
		}
	}
	return s
}

// except returns the symbols of t's packages not in pkgs ("." included).
func except(t interp.Exports, pkgs map[string]bool) interp.Exports {
	s := interp.Exports{}
	for k, v := range t {
		if k != "." && !pkgs[path.Dir(k)] {
			s[k] = v
		}
	}
	return s
}

// importsOf returns the import paths of src, and whether it parses.
func importsOf(src string) ([]string, bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return nil, false
	}
	var paths []string
	for _, s := range f.Imports {
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			return nil, false
		}
		paths = append(paths, p)
	}
	return paths, true
}

// parseDeps reads stdDeps: one package a line, "pkg: dep dep...".
func parseDeps(s string) map[string][]string {
	deps := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		p, ds, _ := strings.Cut(l, ":")
		deps[p] = strings.Fields(ds)
	}
	return deps
}

// unparsable is a source the interpreter cannot parse: see useStdlib.
const unparsable = "}"

// useStdlib loads the standard library's symbols syms into in as
// in.Use(syms) does, but without compiling yaegi's sources of the generic
// packages (generic.Sources: cmp, maps and slices), about a quarter of a
// worker's processor time: compileGenerics compiles them for the programs
// that can use them. Use compiles them last, after it has loaded the
// symbols and adjusted fmt, flag, log, os and math/bits (fixStdlib), and
// stops at the first that fails; with an unparsable source in their
// place, it does everything else and returns that source's error.
func useStdlib(in *interp.Interpreter, syms interp.Exports) error {
	saved := generic.Sources
	for i := range generic.Sources {
		generic.Sources[i] = unparsable
	}
	err := in.Use(syms)
	generic.Sources = saved
	if err == nil {
		return errors.New("yaegi no longer compiles its generic sources in Use")
	}
	// fixStdlib gave fmt a Println of its own.
	if in.Symbols("fmt")["fmt"]["Println"] == syms["fmt/fmt"]["Println"] {
		return err
	}
	return nil
}

// compileGenerics compiles yaegi's sources of the generic packages (cmp,
// maps and slices) into in if src can use them: if it names one of them.
// A program that names none of them behaves the same without them.
func compileGenerics(in *interp.Interpreter, src string) error {
	if !strings.Contains(src, "cmp") && !strings.Contains(src, "maps") && !strings.Contains(src, "slices") {
		return nil
	}
	for _, s := range generic.Sources {
		if _, err := in.Compile(s); err != nil {
			return err
		}
	}
	return nil
}

// nativeSymbols are the worker's own log, flag and os.Args (*args), which
// replace yaegi's copies (see newInterpreter).
func nativeSymbols(args *[]string) interp.Exports {
	return interp.Exports{
		"log/log":   stdlib.Symbols["log/log"],
		"flag/flag": stdlib.Symbols["flag/flag"],
		"os/os":     {"Args": reflect.ValueOf(args).Elem()},
	}
}
