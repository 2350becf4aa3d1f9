package yaegi

import (
	"context"
	"sync"

	"bingfa/runner/engine"
	"bingfa/runner/runenv"
	"bingfa/runner/yaegi/protocol"
)

// An Engine runs programs in yaegi workers. It is safe for concurrent use.
type Engine struct {
	bin  *binary // the worker's executable
	size int     // warm workers kept

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

// New returns an engine. Its worker is built on first need: by Prepare,
// Warm or the first Run, which waits for it.
func New() (*Engine, error) {
	life, stop := context.WithCancel(context.Background())
	theWorker.open()
	return &Engine{bin: theWorker, size: PoolSize, life: life, stop: stop}, nil
}

// Prepare starts building the worker in the background, if it is not
// built yet. It returns at once.
func (e *Engine) Prepare() { e.bin.start() }

// Ready reports whether the worker is built: a Run starts at once rather
// than wait for the build.
func (e *Engine) Ready() bool { return e.bin.ready() }

// Failed returns why the worker could not be built, or nil: Prepare then
// does not try again, and Run fails at once.
func (e *Engine) Failed() error { return e.bin.failed() }

// WaitReady waits until the worker is built (starting the build if
// needed), or for ctx, and returns why it cannot be built.
func (e *Engine) WaitReady(ctx context.Context) error {
	_, err := e.bin.wait(ctx)
	return err
}

// Name implements engine.Engine.
func (e *Engine) Name() string { return "yaegi" }

// Warm starts the warm workers now rather than at the first Run, which
// otherwise starts its own: in the background, once the worker is built
// (Warm starts its build if needed).
func (e *Engine) Warm() { e.fill() }

// Run implements engine.Engine.
func (e *Engine) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	if what := unsupported(p); what != "" {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "yaegi cannot run %s", what)}
	}
	exe, err := e.bin.wait(ctx)
	if err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "cannot build the yaegi worker: %v", err)}
	}
	w, err := e.worker(exe, p)
	if err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "cannot start a yaegi worker: %v", err)}
	}
	req := &protocol.Request{Source: string(p.Source), Args: append([]string{p.Command()}, p.Args...),
		Env: runenv.Environ(w.dir, p.Env), Dir: w.dir}
	out := w.run(ctx, p, req, emit)
	out.Engine = e.Name()
	return out
}

// worker returns a warm worker that suits p, or starts one.
func (e *Engine) worker(exe string, p *engine.Program) (*worker, error) {
	lim := limitsOf(p)
	if lim == defaultLimits {
		if w := e.take(); w != nil {
			return w, nil
		}
	}
	return startWorker(e.life, exe, lim)
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

// startWarm starts one warm worker, once the worker is built, and adds it
// to the pool.
func (e *Engine) startWarm() {
	defer e.wg.Done()
	exe, err := e.bin.wait(e.life)
	var w *worker
	if err == nil {
		w, err = startWorker(e.life, exe, defaultLimits)
	}
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
	e.stop() // warm workers waiting for the build give up
	e.wg.Wait()
	for _, w := range warm {
		w.kill()
	}
	e.bin.close()
	return nil
}
