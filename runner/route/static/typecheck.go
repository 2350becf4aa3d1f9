package static

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
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
	"syscall"

	"bingfa/internal/spawn"
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
	mu      sync.Mutex
	files   map[string]string                                         // import path -> export data file
	flights map[string]*flight                                        // import path -> the go list listing it
	list    func(ctx context.Context, paths []string) ([]byte, error) // goList when nil (a test's fake)
	cfg     Config                                                    // how go list runs

	life    context.Context    // cancelled by close: a go list under way is killed
	stop    context.CancelFunc // cancels life
	running sync.WaitGroup     // the go lists under way

	restored map[string]bool // the entries of files read from cfg.ExportsFile (persist.go)
	keyOnce  sync.Once
	keyText  string // see key
}

func newExports() *exports {
	x := &exports{files: map[string]string{}, flights: map[string]*flight{}, restored: map[string]bool{}}
	x.life, x.stop = context.WithCancel(context.Background())
	return x
}

// close kills the go lists under way (a background one runs in its own
// process group, which bingfa's end would not reach) and waits for them.
func (x *exports) close() {
	x.stop()
	x.mu.Lock() // no load starts after this
	x.mu.Unlock()
	x.running.Wait()
}

// open opens the export data of a standard package.
func (x *exports) open(path string) (io.ReadCloser, error) {
	x.mu.Lock()
	file, ok := x.files[path]
	x.mu.Unlock()
	if !ok {
		if err := x.load(context.Background(), []string{path}); err != nil {
			return nil, err
		}
		x.mu.Lock()
		file = x.files[path]
		x.mu.Unlock()
	}
	if file == "" {
		return nil, fmt.Errorf("go list %s: no export data", path)
	}
	f, err := os.Open(file)
	if err != nil && x.forget(path, file, err) {
		return x.open(path) // the go command trimmed its cache since
	}
	return f, err
}

// A flight is one go list under way. Loads that need a package it lists
// wait for it rather than list the package again: when many programs
// are routed at once, most of them import what another's go list is
// already listing.
type flight struct {
	done chan struct{} // closed when the go list has ended
	err  error         // its failure, set before done is closed
	bg   bool          // background work's, at the lowest priority
}

// load finds the export data of paths and of everything they import, with
// one go list: on a cold build cache, one invocation compiles the
// packages with all the parallelism the go command has, where one a
// package would compile them one after another. Packages already known
// are not listed again, nor those a go list under way is listing, which
// load waits for instead; but a reader's load (ctx not marked by
// Background) does not wait for background work's go list, which
// runs at the lowest priority: it lists those packages itself.
func (x *exports) load(ctx context.Context, paths []string) error {
	err, waited := x.loadOnce(ctx, paths)
	if err == nil && waited != nil {
		// A go list waited for failed (stopped with the run it was for,
		// perhaps): list again what it left unknown.
		if err, waited = x.loadOnce(ctx, paths); err == nil {
			err = waited
		}
	}
	return err
}

// loadOnce is one attempt of load. It returns its own go list's error,
// and apart the error of a go list it waited for.
func (x *exports) loadOnce(ctx context.Context, paths []string) (err, waited error) {
	f, mine, waits, err := x.plan(ctx, paths)
	if err != nil {
		return err, nil
	}
	if f != nil {
		err = x.fly(ctx, f, mine)
	}
	for w := range waits {
		select {
		case <-w.done:
			if waited == nil {
				waited = w.err
			}
		case <-ctx.Done():
			return ctx.Err(), nil
		}
	}
	return err, waited
}

// plan returns the flight that lists those of paths that are not known,
// nil if none is needed, and the flights already under way that load
// waits for instead (see load).
func (x *exports) plan(ctx context.Context, paths []string) (*flight, []string, map[*flight]bool, error) {
	bg := isBackground(ctx)
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.life.Err(); err != nil {
		return nil, nil, nil, err
	}
	var mine []string
	waits := map[*flight]bool{}
	for _, p := range paths {
		if _, known := x.files[p]; known {
			continue
		}
		if f := x.flights[p]; f != nil && (bg || !f.bg) {
			waits[f] = true
			continue
		}
		mine = append(mine, p)
	}
	if len(mine) == 0 {
		return nil, nil, waits, nil
	}
	f := &flight{done: make(chan struct{}), bg: bg}
	for _, p := range mine {
		x.flights[p] = f
	}
	x.running.Add(1)
	return f, mine, waits, nil
}

// fly runs the go list of flight f, which lists paths, and records what
// it found.
func (x *exports) fly(ctx context.Context, f *flight, paths []string) error {
	defer x.running.Done()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(x.life, cancel)()
	list := func(ctx context.Context, paths []string) ([]byte, error) { return goList(ctx, paths, x.cfg) }
	if x.list != nil {
		list = x.list
	}
	out, err := list(ctx, paths)
	x.mu.Lock()
	found := false
	if err == nil {
		for _, line := range strings.Split(string(out), "\n") {
			if path, file, ok := strings.Cut(line, "\t"); ok {
				if old, had := x.files[path]; !had || old != file {
					found = true
				}
				x.files[path] = file // "" for a package without export data
				delete(x.restored, path)
			}
		}
	}
	for _, p := range paths {
		if x.flights[p] == f {
			delete(x.flights, p)
		}
	}
	f.err = err
	close(f.done)
	var snap string
	if found {
		snap = x.snapshot()
	}
	x.mu.Unlock()
	x.persist(snap)
	return err
}

// goList lists paths and their dependencies with their export data. It
// runs in GOROOT/src, the standard library's own module, so that whatever
// module the process runs in (perhaps one being edited) does not matter,
// with the flags and environment of the compiled engine's builds, so that
// what it compiles is what they need too. As background work (see
// Background) it runs at the lowest CPU priority, as background
// builds do (see package compiled), so that a reader's work goes first.
//
// go's own temporary files go into a directory of work (when not nil),
// removed when go list ends: an interrupted go list leaves nothing in
// the user's TMPDIR.
func goList(ctx context.Context, paths []string, cfg Config) ([]byte, error) {
	args := append([]string{"list"}, cfg.GoFlags...)
	args = append(args, "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", "--")
	cmd := exec.CommandContext(ctx, "go", append(args, paths...)...)
	cmd.Dir = stdDir()
	cmd.Env = cfg.GoEnv
	if cfg.WorkDir != nil {
		tmp, err := cfg.WorkDir()
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		cmd.Env = append(cmd.Env, "GOTMPDIR="+tmp)
	}
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{}

	bg := isBackground(ctx)
	if bg {
		cmd.SysProcAttr.Setpgid = true // its compilers too
		cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	}
	err := spawn.Start(cmd) // dies with the process that runs the check (the worker, which dies with bingfa)
	if err == nil && bg {
		_ = syscall.Setpriority(syscall.PRIO_PGRP, cmd.Process.Pid, 19)
	}
	if err == nil {
		err = cmd.Wait()
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return nil, fmt.Errorf("go list %s: %s", strings.Join(paths, " "), bytes.TrimSpace(stderr.Bytes()))
	}
	return out.Bytes(), err
}

// preload finds, with one go list, the export data of the standard
// packages that srcs import and that are not known yet. A go list under
// way for other work does not count: a reader does not wait for the
// background's (see Checker.Preload).
func (x *exports) preload(ctx context.Context, srcs [][]byte) {
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
		_ = x.load(ctx, paths) // a failure is seen again, per package, by open
	}
}

// warmSource imports the packages Warm loads.
var warmSource = []byte(`package main

import (
	_ "context"
	_ "errors"
	_ "fmt"
	_ "math/rand"
	_ "os"
	_ "os/exec"
	_ "sort"
	_ "strconv"
	_ "strings"
	_ "sync"
	_ "sync/atomic"
	_ "time"
)

func main() {}
`)

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
// where, as a source position. The export data it needs is found first,
// before it takes its turn: a check does not wait for another's go list.
func (tc *typeChecker) check(src []byte) (*checked, error) {
	tc.exports.preload(context.Background(), [][]byte{src})
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
