// Package inproc runs package static's check in this process, as a
// route.Static: for tests, and for commands that may link go/types.
// bingfa itself asks the interpreter's worker instead (package yaegi),
// so that its own binary does not link go/types.
package inproc

import (
	"context"

	"bingfa/runner/route"
	"bingfa/runner/route/static"
)

// Static is a static.Checker as a route.Static.
type Static struct{ *static.Checker }

// New returns a checker in this process (see static.New).
func New(workDir func() (string, error)) Static { return Static{static.New(workDir)} }

// Check implements route.Static.
func (s Static) Check(_ context.Context, src []byte) (route.Finding, error) {
	return route.Finding(s.Checker.Check(src)), nil
}
