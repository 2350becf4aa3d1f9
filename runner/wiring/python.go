package wiring

import (
	"context"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/python"
)

// RoutePython returns a router that gives the blocks of Python programs
// (python run fences) to py, and every other block to next. Where py has
// no interpreter, a Python block is skipped with the reason.
func RoutePython(py *python.Engine, next check.Router) check.Router {
	return pythonFirst{py: py, next: next}
}

// pythonFirst is the router of RoutePython.
type pythonFirst struct {
	py   *python.Engine
	next check.Router
}

func (r pythonFirst) Route(b *lesson.Block, p *engine.Program) check.Route {
	if !b.Python() {
		return r.next.Route(b, p)
	}
	in, err := r.py.Find()
	if err != nil {
		return check.Route{Skip: true, Why: check.Why{Reason: "no Python interpreter: " + err.Error()}}
	}
	return check.Route{Engines: []engine.Engine{r.py}, Why: check.Why{Reason: "a Python program: Python " + in.Version}}
}

// Preload implements check.Preloader: Python programs need no type
// information.
func (r pythonFirst) Preload(ctx context.Context, ps []*engine.Program) {
	pl, ok := r.next.(check.Preloader)
	if !ok {
		return
	}
	var gos []*engine.Program
	for _, p := range ps {
		if p.Lang == "" {
			gos = append(gos, p)
		}
	}
	pl.Preload(ctx, gos)
}
