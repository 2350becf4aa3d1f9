package route

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"bingfa/runner/compiled"
)

// A typeChecker type-checks programs against the standard library's
// export data. Imported packages are loaded once and kept; it is safe for
// concurrent use, one check at a time. A program that imports anything
// but the standard library does not type-check, and so is compiled.
type typeChecker struct {
	mu      sync.Mutex
	fset    *token.FileSet
	imp     types.Importer
	exports *exports
	members *members // of the imported packages' types
}

func newTypeChecker() *typeChecker {
	fset := token.NewFileSet()
	x := &exports{files: map[string]string{}}
	return &typeChecker{fset: fset, imp: importer.ForCompiler(fset, "gc", x.open), exports: x, members: newMembers()}
}

// stdDir returns GOROOT/src, as the go command sees it, or "" (the
// current directory) if go cannot say.
var stdDir = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "src")
})

// exports finds the export data of standard packages, which go list
// builds into the build cache, and remembers where it is.
type exports struct {
	mu    sync.Mutex
	files map[string]string // import path -> export data file
}

// open opens the export data of a standard package.
func (x *exports) open(path string) (io.ReadCloser, error) {
	x.mu.Lock()
	file, ok := x.files[path]
	x.mu.Unlock()
	if !ok {
		if err := x.load([]string{path}); err != nil {
			return nil, err
		}
		x.mu.Lock()
		file = x.files[path]
		x.mu.Unlock()
	}
	if file == "" {
		return nil, fmt.Errorf("go list %s: no export data", path)
	}
	return os.Open(file)
}

// load finds the export data of paths and of everything they import, with
// one go list: on a cold build cache, one invocation compiles the
// packages with all the parallelism the go command has, where one a
// package would compile them one after another. It runs in GOROOT/src,
// the standard library's own module, so that whatever module the process
// runs in (perhaps one being edited) does not matter, with the flags and
// environment of the compiled engine's builds, so that what it compiles
// is what they need too.
func (x *exports) load(paths []string) error {
	args := append([]string{"list"}, compiled.BuildFlags(false)...)
	args = append(args, "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", "--")
	cmd := exec.Command("go", append(args, paths...)...)
	cmd.Dir = stdDir()
	cmd.Env = compiled.BuildEnv(false)
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("go list %s: %s", strings.Join(paths, " "), bytes.TrimSpace(ee.Stderr))
		}
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, line := range strings.Split(string(out), "\n") {
		if path, file, ok := strings.Cut(line, "\t"); ok {
			x.files[path] = file // "" for a package without export data
		}
	}
	return nil
}

// preload finds, with one go list, the export data of the standard
// packages that srcs import and that are not known yet.
func (x *exports) preload(srcs [][]byte) {
	seen := map[string]bool{}
	var paths []string
	fset := token.NewFileSet()
	x.mu.Lock()
	for _, src := range srcs {
		f, err := parser.ParseFile(fset, "main.go", src, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, im := range f.Imports {
			p := strings.Trim(im.Path.Value, "`\"")
			if _, known := x.files[p]; !known && !seen[p] && isStd(p) {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	x.mu.Unlock()
	if len(paths) > 0 {
		_ = x.load(paths) // a failure is seen again, per package, by open
	}
}

// isStd reports whether an import path looks like a standard package: no
// dot in its first element.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "C"
}

// A checked program is a parsed, type-checked package main.
type checked struct {
	fset     *token.FileSet
	file     *ast.File
	pkg      *types.Package
	info     *types.Info
	members  *members                   // names of methods and fields as Go's API lists give them
	loopVars map[types.Object]bool      // variables declared by for and range clauses
	argsOK   map[*ast.SelectorExpr]bool // uses of os.Args without os.Args[0]
	// changed are the variables assigned after their declaration, or
	// whose address is taken, loop variables included.
	changed map[types.Object]bool
	called  map[*ast.SelectorExpr]bool // selectors called at once: x.m()
	inLoop  map[*ast.GoStmt]bool       // go statements in a loop
}

// check parses and type-checks src. Its error says what is wrong and
// where, as a source position.
func (tc *typeChecker) check(src []byte) (*checked, error) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	f, err := parser.ParseFile(tc.fset, "main.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	var first error
	conf := types.Config{Importer: tc.imp, GoVersion: languageVersion, Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	pkg, err := conf.Check("main", tc.fset, []*ast.File{f}, info)
	if err != nil && first == nil {
		first = err
	}
	if first != nil {
		return nil, first
	}
	c := &checked{fset: tc.fset, file: f, pkg: pkg, info: info, members: tc.members}
	c.loopVars = loopVariables(c)
	return c, nil
}

// errorLine returns the source line of a parse or type error, or 0.
func errorLine(err error) (int, string) {
	var te types.Error
	if errors.As(err, &te) {
		return te.Fset.Position(te.Pos).Line, te.Msg
	}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0].Pos.Line, list[0].Msg
	}
	return 0, fmt.Sprint(err)
}
