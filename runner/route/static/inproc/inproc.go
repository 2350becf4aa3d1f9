// Package inproc runs package static's check in this process, as a
// route.Static: for tests, and for commands that may link go/types.
// bingfa itself asks the interpreter's worker instead (package yaegi),
// so that its own binary does not link go/types.
package inproc

import (
	"context"

	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/route"
	"bingfa/runner/route/static"
)

// Static is a static.Checker as a route.Static.
type Static struct{ *static.Checker }

// New returns a checker in this process whose go list runs as the
// compiled engine's builds do; workDir, when not nil, is the compiled
// engine's WorkDir (see static.Config).
func New(workDir func() (string, error)) Static {
	return Static{static.New(Config(workDir))}
}

// Config returns the static check's configuration for the compiled
// engine's builds.
func Config(workDir func() (string, error)) static.Config {
	return static.Config{GoFlags: compiled.BuildFlags(false), GoEnv: compiled.BuildEnv(false), WorkDir: workDir}
}

// Check implements route.Static.
func (s Static) Check(_ context.Context, src []byte) (route.Finding, error) {
	return route.Finding(s.Checker.Check(src)), nil
}

// Preload implements route.Static.
func (s Static) Preload(ctx context.Context, srcs [][]byte) {
	s.Checker.Preload(Context(ctx), srcs)
}

// Context returns ctx marked by static.Background if package engine
// marks it as background work.
func Context(ctx context.Context) context.Context {
	if engine.IsBackground(ctx) {
		return static.Background(ctx)
	}
	return ctx
}
