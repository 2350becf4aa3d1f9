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
// compiled engine's builds do, with go's temporary files where go puts
// them.
func New() Static {
	return Static{static.New(static.Config{GoFlags: compiled.BuildFlags(false), GoEnv: compiled.BuildEnv(false)})}
}

// Check implements route.Static.
func (s Static) Check(_ context.Context, src []byte) (route.Finding, error) {
	return route.Finding(s.Checker.Check(src)), nil
}

// Preload implements route.Static.
func (s Static) Preload(ctx context.Context, srcs [][]byte) {
	if engine.IsBackground(ctx) {
		ctx = static.Background(ctx)
	}
	s.Checker.Preload(ctx, srcs)
}
