package wiring

import (
	"context"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
)

// cacheFirst is the router of mode auto. The interpreter is there to save
// a build: a block whose binary is already in the cache starts faster
// compiled (about 2 ms to the first byte, against about 5 ms for a warm
// interpreter worker), and the compiled program is the authority on what
// a block prints. Other blocks are routed by the static check.
type cacheFirst struct {
	compiled *compiled.Engine
	next     routed
}

func (c cacheFirst) Route(b *lesson.Block, p *engine.Program) check.Route {
	if b.Opts.Engine == lesson.EngineAuto && c.compiled.Cached(p) {
		return check.Route{Engines: []engine.Engine{c.compiled}, Why: check.Why{Reason: "already built"}}
	}
	return c.next.Route(b, p)
}

// routed is a route.Router as a check.Router. With interp (mode auto), a
// block the router gives the interpreter runs compiled while the
// interpreter is not ready, and starts its preparation.
type routed struct {
	r        *route.Router
	compiled engine.Engine
	interp   interpreter
}

// An interpreter is an engine that must be prepared (built) before it
// runs anything: package yaegi's.
type interpreter interface {
	Ready() bool
	Prepare()
	Failed() error
}

// whyPending is the reason a block runs compiled while the interpreter is
// being prepared; whyFailed once its preparation has failed.
const (
	whyPending = "the interpreter is still being built"
	whyFailed  = "the interpreter could not be built"
)

func (r routed) Route(b *lesson.Block, p *engine.Program) check.Route {
	d := r.r.Route(b, p)
	if d.Yaegi && r.interp != nil && b.Opts.Engine != lesson.EngineYaegi && !r.interp.Ready() {
		why := whyPending
		if r.interp.Failed() != nil {
			why = whyFailed
		} else {
			r.interp.Prepare()
		}
		return check.Route{Engines: []engine.Engine{r.compiled}, Why: check.Why{Reason: why}}
	}
	return check.Route{Engines: d.Engines, Why: check.Why{Reason: d.Reason, Pos: d.Pos}}
}

// Preload implements check.Preloader.
func (r routed) Preload(ctx context.Context, ps []*engine.Program) { r.r.Preload(ctx, ps) }

// Preload implements check.Preloader: the programs already built need no
// type information.
func (c cacheFirst) Preload(ctx context.Context, ps []*engine.Program) {
	var rest []*engine.Program
	for _, p := range ps {
		if !c.compiled.Cached(p) {
			rest = append(rest, p)
		}
	}
	c.next.r.Preload(ctx, rest)
}
