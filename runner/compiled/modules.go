package compiled

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"bingfa/runner/engine"
)

// A block may import, besides the standard library, the packages of the
// modules that bingfa's own go.mod requires, at the versions it requires
// (golang.org/x/sync/errgroup, say). They come from the module cache,
// offline (GOPROXY=off): building or testing bingfa from its clone (go
// run ., go test ./...) has put them there. The build module of a batch
// (or of a test block) requires exactly the modules its programs import,
// with their go.sum lines, so that a program that imports only the
// standard library is built as before and a module the cache lacks
// matters only to the programs that import it. An import that cannot be
// built (a module bingfa does not require, or one missing from the cache)
// is reported at its line before any build: a program's in its lesson
// (precheck), a test block's as go test reports its files.
//
// What bingfa requires is in requires.txt, generated from bingfa's go.mod
// and go.sum (TestRequires checks that it is current; go test
// ./runner/compiled -run TestRequires -update rewrites it), and embedded:
// the binary of go build -o ~/bin/bingfa knows it wherever it runs.
//
//go:embed requires.txt
var requiresTxt string

// A module is one requirement of bingfa's go.mod with its go.sum lines.
type module struct {
	path, version string
	sum           []string // its lines of go.sum
}

// required is bingfa's go version and required modules, from requiresTxt.
type required struct {
	goVersion string
	mods      []module
}

var bingfaRequires = sync.OnceValue(func() required { return parseRequires(requiresTxt) })

// parseRequires reads requires.txt: comments (#), a go line, and the
// go.sum lines of each required module, whose first line (the module's
// own hash) names its version.
func parseRequires(s string) required {
	var r required
	for line := range strings.Lines(s) {
		f := strings.Fields(line)
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "go" && len(f) == 2:
			r.goVersion = f[1]
		case len(f) == 3:
			version := strings.TrimSuffix(f[1], "/go.mod")
			if n := len(r.mods); n > 0 && r.mods[n-1].path == f[0] && r.mods[n-1].version == version {
				r.mods[n-1].sum = append(r.mods[n-1].sum, strings.TrimSpace(line))
				continue
			}
			r.mods = append(r.mods, module{path: f[0], version: version, sum: []string{strings.TrimSpace(line)}})
		}
	}
	return r
}

// providing returns the required module that provides package path (the
// longest module path that is path or a prefix of it), or false.
func (r required) providing(path string) (module, bool) {
	var best module
	found := false
	for _, m := range r.mods {
		if (path == m.path || strings.HasPrefix(path, m.path+"/")) && len(m.path) > len(best.path) {
			best, found = m, true
		}
	}
	return best, found
}

// standard reports whether an import path is the standard library's:
// its first element has no dot (as the go command decides).
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// moduleImports returns the import paths of f that are not standard, with
// their positions.
func moduleImports(f *ast.File) []*ast.ImportSpec {
	var out []*ast.ImportSpec
	for _, s := range f.Imports {
		if p, err := strconv.Unquote(s.Path.Value); err == nil && !standard(p) {
			out = append(out, s)
		}
	}
	return out
}

// checkImports returns a diagnostic for each import of f that no module
// bingfa requires provides, or whose module is not in the module cache.
func checkImports(p *engine.Program, fset *token.FileSet, f *ast.File) []engine.Diag {
	var diags []engine.Diag
	for _, s := range moduleImports(f) {
		path, _ := strconv.Unquote(s.Path.Value)
		msg := importProblem(path)
		if msg == "" {
			continue
		}
		pos := fset.Position(s.Path.Pos())
		diags = append(diags, diag{line: pos.Line, col: pos.Column, msg: msg}.at(p))
	}
	return diags
}

// importProblem returns why a block cannot import package path, or "".
func importProblem(path string) string {
	m, ok := bingfaRequires().providing(path)
	if !ok {
		return fmt.Sprintf("package %s is neither in the standard library nor in a module that bingfa's go.mod requires: a block can import only those", path)
	}
	if !cached(m) {
		return fmt.Sprintf("package %s: module %s@%s is not in the module cache, and blocks are built offline; go mod download %s@%s fetches it",
			path, m.path, m.version, m.path, m.version)
	}
	return ""
}

// modCache is the module cache (go env GOMODCACHE), or "".
var modCache = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// cached reports whether the module cache holds m: its go.mod and its
// files (extracted, or the zip go extracts).
func cached(m module) bool {
	dir := modCache()
	if dir == "" {
		return false
	}
	dl := filepath.Join(dir, "cache", "download", escape(m.path), "@v", escape(m.version))
	if _, err := os.Stat(dl + ".mod"); err != nil {
		return false
	}
	if _, err := os.Stat(filepath.Join(dir, escape(m.path)+"@"+escape(m.version))); err == nil {
		return true
	}
	_, err := os.Stat(dl + ".zip")
	return err == nil
}

// escape is the module cache's spelling of a path or version: each upper
// case letter becomes ! and the letter in lower case.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needed returns the required modules that provide the packages sources
// import (sources that do not parse, and imports no module provides,
// count for nothing: precheck reports them), in the order of requires.txt.
func needed(sources ...[]byte) []module {
	r := bingfaRequires()
	var out []module
	for _, src := range sources {
		for _, path := range importPaths(src) {
			if m, ok := r.providing(path); ok && !slices.ContainsFunc(out, func(o module) bool { return o.path == m.path }) {
				out = append(out, m)
			}
		}
	}
	slices.SortFunc(out, func(a, b module) int { return strings.Compare(a.path, b.path) })
	return out
}

// requireLines returns what a build module's go.mod says after its
// module line, and its go.sum, for programs that import from mods.
func requireLines(mods []module) (gomod, gosum string) {
	if len(mods) == 0 {
		return "go 1.26\n", ""
	}
	var mod, sum strings.Builder
	// A module that requires go 1.26.0 cannot be used by one that says
	// go 1.26 (an earlier version): the go line is bingfa's.
	fmt.Fprintf(&mod, "go %s\n\nrequire (\n", bingfaRequires().goVersion)
	for _, m := range mods {
		fmt.Fprintf(&mod, "\t%s %s\n", m.path, m.version)
		for _, l := range m.sum {
			sum.WriteString(l + "\n")
		}
	}
	mod.WriteString(")\n")
	return mod.String(), sum.String()
}

// writeGoMod writes go.mod, and go.sum when it needs one, into dir: a
// module named path for programs that import from mods.
func writeGoMod(dir, path string, mods []module) error {
	gomod, gosum := requireLines(mods)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+path+"\n\n"+gomod), 0o644); err != nil {
		return err
	}
	if gosum == "" {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), []byte(gosum), 0o644)
}

// moduleInput is what identifies the modules p is built with, for its
// cache key: their go.sum lines, or nothing for a program of the
// standard library only.
func moduleInput(p *engine.Program) []byte {
	_, sum := requireLines(needed(p.Source, p.Test))
	return []byte(sum)
}

// importPaths returns the import paths of a Go source, none if it does
// not parse.
func importPaths(src []byte) []string {
	if len(src) == 0 {
		return nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range f.Imports {
		if p, err := strconv.Unquote(s.Path.Value); err == nil && !standard(p) {
			out = append(out, p)
		}
	}
	return out
}

// testImportErrors returns what go test would print, in its own words
// (file:line:col: message), for the imports of test block p's program
// and test file that cannot be built, or nil.
func testImportErrors(p *engine.Program) []byte {
	var out []byte
	for _, f := range []struct {
		name string
		src  []byte
	}{{p.SourceName(), p.Source}, {p.TestName, p.Test}} {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.name, f.src, parser.ImportsOnly)
		if err != nil {
			continue // go test reports it
		}
		for _, s := range moduleImports(file) {
			path, _ := strconv.Unquote(s.Path.Value)
			if msg := importProblem(path); msg != "" {
				out = fmt.Appendf(out, "%s: %s\n", fset.Position(s.Path.Pos()), msg)
			}
		}
	}
	return out
}

// WriteModule writes go.mod, and go.sum when it needs one, into dir: a
// module named path whose programs, sources, may import the modules
// bingfa's go.mod requires, as a block built by this engine may.
func WriteModule(dir, path string, sources ...[]byte) error {
	return writeGoMod(dir, path, needed(sources...))
}
