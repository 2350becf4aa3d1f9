package route

import (
	"context"

	"bingfa/runner/engine"
)

// Static is the static check behind a Router: package static's checker,
// in this process or in the interpreter's worker (see package yaegi), so
// that bingfa itself does not link go/types.
type Static interface {
	// Check runs the static check on the source of a package main. An
	// error means that it could not (its process is not ready, say): the
	// block is compiled, and the decision is not remembered.
	Check(ctx context.Context, src []byte) (Finding, error)
	// Preload finds the type information of the standard packages srcs
	// import, before they are checked one by one (see check.Preloader).
	Preload(ctx context.Context, srcs [][]byte)
}

// A Finding is the static check's answer on one program: whether it may
// run in yaegi, and why, with the source line of the reason (0 when it is
// nowhere in particular).
type Finding struct {
	Yaegi  bool
	Reason string
	Line   int
}

// Warm prepares the static check for the first decisions, in the
// background, if it can (see static.Checker.Warm).
func (r *Router) Warm() {
	if w, ok := r.static.(interface{ Warm() }); ok {
		w.Warm()
	}
}

// Close stops the static check's work under way, if it has any (its go
// lists, its process).
func (r *Router) Close() {
	if c, ok := r.static.(interface{ Close() }); ok {
		c.Close()
	}
}

// Preload has the static check find the type information of every
// standard package the programs import, with one go list, before they
// are routed one by one (see check.Preloader). For background work (ctx
// marked by engine.Background) that go list runs at background priority,
// and a decision meanwhile does not wait for it.
func (r *Router) Preload(ctx context.Context, ps []*engine.Program) {
	if r.static == nil {
		return
	}
	srcs := make([][]byte, len(ps))
	for i, p := range ps {
		srcs[i] = p.Source
	}
	r.static.Preload(ctx, srcs)
}
