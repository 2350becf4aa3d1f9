package static

import (
	"context"
	"fmt"
	"go/importer"
	"go/token"
)

// A Finding is the static check's answer on one program: whether it may
// run in yaegi, and why (the first thing found that keeps it from yaegi,
// or "passed the static check"), with the source line of the reason, 0
// when it is nowhere in particular.
type Finding struct {
	Yaegi  bool
	Reason string
	Line   int
}

// Passed is the reason of a program that may run in yaegi.
const Passed = "passed the static check"

// A Checker runs the static check. It is safe for concurrent use.
type Checker struct {
	types *typeChecker
}

// A Config says how the checker runs go list, which finds the export
// data of standard packages.
type Config struct {
	// GoFlags are go list's build flags, and GoEnv its environment (nil:
	// this process's): the compiled engine's (compiled.BuildFlags,
	// compiled.BuildEnv), so that go list compiles the standard library
	// as its builds do, once for both.
	GoFlags []string
	GoEnv   []string
	// WorkDir, when not nil, returns a new directory for go's temporary
	// files (the worker's, in bingfa's cache: see wiring), removed when
	// go list ends: an interrupted go list leaves nothing in the user's
	// TMPDIR.
	WorkDir func() (string, error)
	// ExportsFile, when not empty, is the file that keeps where the
	// export data go list found is from one process to the next (see
	// persist.go): in bingfa's cache, so that a new process does not run
	// go list again for the packages an earlier one listed.
	ExportsFile string
}

// New returns a checker whose go list runs as cfg says.
func New(cfg Config) *Checker {
	fset := token.NewFileSet()
	x := newExports()
	x.cfg = cfg
	x.restore()
	tc := &typeChecker{fset: fset, imp: importer.ForCompiler(fset, "gc", x.open), exports: x, members: newMembers()}
	return &Checker{types: tc}
}

// Check runs the static check on the source of a package main.
func (c *Checker) Check(src []byte) Finding {
	ch, err := c.types.check(src)
	if err != nil {
		line, msg := errorLine(err)
		return Finding{Reason: fmt.Sprintf("does not type-check (%s)", msg), Line: line}
	}
	a, err := goAPI()
	if err != nil {
		return Finding{Reason: fmt.Sprintf("cannot tell what is newer than yaegi (%v)", err)}
	}
	f := versionCheck(ch, yaegiSymbols(), a)
	if f == nil {
		f = inspect(ch)
	}
	if f != nil {
		return Finding{Reason: f.msg, Line: ch.fset.Position(f.pos).Line}
	}
	return Finding{Yaegi: true, Reason: Passed}
}

// Warm loads the export data of the packages lessons import most, so
// that the first checks do not wait for it (about 100 ms a package the
// first time). It returns at once; the loading goes on in the
// background, at background priority.
func (c *Checker) Warm() {
	go c.types.exports.preload(Background(context.Background()), [][]byte{warmSource})
}

// WarmWait is Warm that returns once the loading has ended.
func (c *Checker) WarmWait(ctx context.Context) {
	c.types.exports.preload(ctx, [][]byte{warmSource})
}

// Close stops the checker's go lists under way (Warm's, a background
// Preload's) and waits for them to end.
func (c *Checker) Close() { c.types.exports.close() }

// Preload finds the export data of every standard package the programs
// import, with one go list, before they are checked one by one (see
// check.Preloader). For background work (ctx marked by
// Background) that go list runs at background priority, and a
// check meanwhile does not wait for it: it lists what it needs itself.
func (c *Checker) Preload(ctx context.Context, srcs [][]byte) {
	c.types.exports.preload(ctx, srcs)
}

type backgroundKey struct{}

// Background marks ctx as background work's (package engine's Background,
// which this package does not import: it is built into the interpreter's
// worker from its own sources): its go list runs at the lowest priority,
// and a reader's check does not wait for it.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// isBackground reports whether ctx is marked by Background.
func isBackground(ctx context.Context) bool { return ctx.Value(backgroundKey{}) != nil }
