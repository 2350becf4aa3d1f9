package check

import (
	"context"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// A Router picks the engines that run a block: usually one; more than one
// to run the block in each and compare the verdicts.
type Router interface {
	Route(b *lesson.Block, p *engine.Program) Route
}

// A Preloader is a Router that can prepare, for many programs at once,
// what routing them needs (such as type information), before they are
// routed one by one: as background work when ctx is marked so (see
// engine.Background).
type Preloader interface {
	Preload(ctx context.Context, ps []*engine.Program)
}

// A Route is a router's choice for one block.
type Route struct {
	Engines []engine.Engine
	Why     Why // why these engines, for -v, the JSON report and readers
	// Skip says that the block is not run, for the reason Why (the engine
	// it needs is missing here, such as a Python interpreter): it is
	// skipped, neither passed nor failed. Engines is then empty.
	Skip bool
}

// A Why is why a block ran as it did: a reason, without the engine's
// name, and the source position it is about, if any.
type Why struct {
	Reason string // "range over int", "--engine=compiled"
	Pos    string // "lessons/x.md:57"; "" when the reason is about no place
}

// String returns the reason with its position.
func (w Why) String() string {
	if w.Pos == "" {
		return w.Reason
	}
	return w.Reason + " at " + w.Pos
}
