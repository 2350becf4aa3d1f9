// Package enginetest provides engines for tests of the packages that
// pick or wrap engines without running programs.
package enginetest

import (
	"context"

	"bingfa/runner/engine"
)

// Named is an engine that only has a name, for a router's tests:
// routing never runs anything, and Run panics.
type Named string

// Name implements engine.Engine.
func (n Named) Name() string { return string(n) }

// Run implements engine.Engine; it must not be called.
func (n Named) Run(context.Context, *engine.Program, func(engine.Event)) *engine.Outcome {
	panic("enginetest.Named " + string(n) + " is not for running")
}
