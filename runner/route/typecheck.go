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
)

// A typeChecker type-checks programs against the standard library's
// export data. Imported packages are loaded once and kept; it is safe for
// concurrent use, one check at a time. A program that imports anything
// but the standard library does not type-check, and so is compiled.
type typeChecker struct {
	mu   sync.Mutex
	fset *token.FileSet
	imp  types.Importer
}

func newTypeChecker() *typeChecker {
	fset := token.NewFileSet()
	return &typeChecker{fset: fset, imp: importer.ForCompiler(fset, "gc", exportData)}
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

// exportData opens the export data of a standard package, which go list
// builds into the build cache. It runs in GOROOT/src, the standard
// library's own module, so that whatever module the process runs in
// (perhaps one being edited) does not matter.
func exportData(path string) (io.ReadCloser, error) {
	cmd := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "--", path)
	cmd.Dir = stdDir()
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("go list %s: %s", path, bytes.TrimSpace(ee.Stderr))
		}
		return nil, err
	}
	file := strings.TrimSpace(string(out))
	if file == "" {
		return nil, fmt.Errorf("go list %s: no export data", path)
	}
	return os.Open(file)
}

// A checked program is a parsed, type-checked package main.
type checked struct {
	fset   *token.FileSet
	file   *ast.File
	pkg    *types.Package
	info   *types.Info
	argsOK map[*ast.SelectorExpr]bool // uses of os.Args without os.Args[0]
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
	conf := types.Config{Importer: tc.imp, Error: func(err error) {
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
	return &checked{fset: tc.fset, file: f, pkg: pkg, info: info}, nil
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
