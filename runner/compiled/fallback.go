package compiled

import (
	"context"

	"bingfa/runner/engine"
)

// runDispatched runs p from b, a dispatcher's link (see dispatch.go),
// holding its output until it ends: a trusted run's output is then passed
// to emit, in order, and the run is the outcome. Any other run is not
// shown: p is built alone, as without the dispatcher, and run again with
// emit as usual, and that run is the outcome. A run a reader watches
// (engine.Live) must show its output as it comes: p is built alone first.
func (e *Engine) runDispatched(ctx context.Context, b *build, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	if engine.IsLive(ctx) {
		return e.runAlone(ctx, b, p, emit)
	}
	out := e.exec(ctx, b.bin, p, nil)
	if trusted(out) || ctx.Err() != nil {
		if emit != nil {
			for _, ev := range out.Events {
				emit(ev)
			}
		}
		out.Engine, out.Build, out.Cached = e.Name(), b.took, b.cached
		return out
	}
	return e.runAlone(ctx, b, p, emit)
}

// runAlone builds p alone (see buildAlone) and runs it with emit.
func (e *Engine) runAlone(ctx context.Context, b *build, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	own := e.buildAlone(ctx, p)
	if err := own.wait(ctx); err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: err}
	}
	if own.err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: own.err, Build: own.took}
	}
	out := e.exec(ctx, own.bin, p, emit)
	out.Engine, out.Build = e.Name(), b.took+own.took
	return out
}

// buildAlone builds p in a go build of its own, as if no dispatcher had
// built it, into the cache under its key, where its binary replaces the
// dispatcher's link: later runs need no fallback. Requests for the same
// program share one such build. Unless ctx is marked engine.Background,
// the build is urgent (see priority.go).
func (e *Engine) buildAlone(ctx context.Context, p *engine.Program) *build {
	tool, err := e.cache.tool(e.goCmd)
	if err != nil {
		return failed(engine.Failuref(engine.Broken, "%v", err))
	}
	key := e.cache.key(tool, buildFlags(p), buildInput(p))
	urgent := !engine.IsBackground(ctx)
	e.mu.Lock()
	if b, ok := e.alone[key]; ok {
		e.mu.Unlock()
		return b
	}
	b := &build{done: make(chan struct{})}
	e.alone[key] = b
	if urgent {
		e.urgent++
	}
	e.mu.Unlock()
	e.batches.Add(1)
	go func() {
		defer e.batches.Done()
		e.batch(e.life, []job{{key: key, p: p, b: b}})
		if urgent {
			e.calmed()
		}
	}()
	return b
}
