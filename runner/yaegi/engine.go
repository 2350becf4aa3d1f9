package yaegi

import (
	"context"
	"os"
	"sync"

	"bingfa/runner/engine"
	"bingfa/runner/runenv"
)

// An Engine runs programs in yaegi workers. It is safe for concurrent use.
type Engine struct {
	exe  string // the executable started as a worker
	size int    // warm workers kept

	life context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup // workers starting

	mu       sync.Mutex
	closed   bool
	warm     []*worker // started, waiting, with the default limits
	starting int       // warm workers being started
}

// PoolSize is the number of warm workers an engine keeps.
const PoolSize = 2

// New returns an engine whose workers are this process's executable. The
// program must call MaybeWorker at its start.
func New() (*Engine, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	life, stop := context.WithCancel(context.Background())
	return &Engine{exe: exe, size: PoolSize, life: life, stop: stop}, nil
}

// Name implements engine.Engine.
func (e *Engine) Name() string { return "yaegi" }

// Warm starts the warm workers now rather than at the first Run, which
// otherwise starts its own.
func (e *Engine) Warm() { e.fill() }

// Run implements engine.Engine.
func (e *Engine) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	if what := unsupported(p); what != "" {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "yaegi cannot run %s", what)}
	}
	w, err := e.worker(p)
	if err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "cannot start a yaegi worker: %v", err)}
	}
	req := &request{Source: string(p.Source), Args: append([]string{p.Command()}, p.Args...),
		Env: runenv.Environ(w.dir, p.Env), Dir: w.dir}
	out := w.run(ctx, p, req, emit)
	out.Engine = e.Name()
	return out
}

// worker returns a warm worker that suits p, or starts one.
func (e *Engine) worker(p *engine.Program) (*worker, error) {
	lim := limitsOf(p)
	if lim == defaultLimits {
		if w := e.take(); w != nil {
			return w, nil
		}
	}
	return startWorker(e.life, e.exe, lim)
}

// take removes a live warm worker from the pool, and starts another in
// its place.
func (e *Engine) take() *worker {
	e.mu.Lock()
	defer e.mu.Unlock()
	for len(e.warm) > 0 {
		w := e.warm[0]
		e.warm = e.warm[1:]
		if w.alive() {
			e.refill()
			return w
		}
	}
	e.refill()
	return nil
}

// fill starts warm workers up to the pool size.
func (e *Engine) fill() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.refill()
}

// refill starts the missing warm workers in the background; e.mu is held.
func (e *Engine) refill() {
	if e.closed {
		return
	}
	for ; len(e.warm)+e.starting < e.size; e.starting++ {
		e.wg.Add(1)
		go e.startWarm()
	}
}

// startWarm starts one warm worker and adds it to the pool.
func (e *Engine) startWarm() {
	defer e.wg.Done()
	w, err := startWorker(e.life, e.exe, defaultLimits)
	e.mu.Lock()
	e.starting--
	closed := e.closed
	if err == nil && !closed {
		e.warm = append(e.warm, w)
	}
	e.mu.Unlock()
	if err == nil && closed {
		w.kill()
	}
}

// Close kills the warm workers and any program still running.
func (e *Engine) Close() error {
	e.mu.Lock()
	e.closed = true
	warm := e.warm
	e.warm = nil
	e.mu.Unlock()
	e.wg.Wait()
	e.stop()
	for _, w := range warm {
		w.kill()
	}
	return nil
}
