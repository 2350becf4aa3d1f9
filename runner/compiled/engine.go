// Package compiled is the engine that builds each program with the Go
// toolchain and runs the binary: the authority on what a program prints.
//
// Binaries are cached by a hash of the source, the build options and the
// Go version, so an unchanged program is never rebuilt; a cached binary is
// run only while it matches the SHA-256 recorded when it was stored, and
// is hashed again only when its file changed since it was last checked,
// by any process (see cache.go). Programs that need building are built
// together, one go build invocation for all of them (one per set of
// build flags), in a private module (go 1.26) that
// requires the modules they import among those bingfa's go.mod requires,
// resolved offline from the module cache (see modules.go; an import of
// any other module is reported at its line), whose messages it reads as
// go build -json's events. A compile error is reported at the program's
// position in its lesson. Background builds (a context marked
// engine.Background) yield to all others: see priority.go. Many new
// programs of one Prepare are built into dispatchers, one binary and one
// link for many programs, whose runs fall back to a build of their own
// whenever they show it: see dispatch.go. An engine's first urgent build
// with each set of flags takes turns with other engines' on the same
// cache, so that on an empty GOCACHE the standard library is compiled
// once, not once per process: see first.go. Each run
// happens in a fresh scratch directory, also its TMPDIR, which is removed
// afterwards.
//
// A traced program (Program.Trace) is built from trace.Instrument's
// sources (its main.go instrumented, lines kept, and trace.FileName), a
// different binary in the cache; its run writes one trace per process
// into a directory of its scratch directory named by trace.EnvDir, read
// back with the files it must write (capped at proc.MaxTrace each, the
// first sandbox.MaxDirFiles processes) and parsed into Outcome.Traces.
package compiled

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"time"

	"bingfa/internal/selfbuild"
	"bingfa/runner/engine"
	"bingfa/runner/proc"
	"bingfa/runner/runenv"
)

// An Engine builds and runs programs. It is safe for concurrent use.
// Close stops the builds still in progress.
type Engine struct {
	cache *cache
	goCmd string

	life    context.Context // the engine's lifetime: builds run under it
	stop    context.CancelFunc
	batches sync.WaitGroup

	mu     sync.Mutex
	flight map[string]*build // builds in progress, by key
	broken map[string]*build // programs that did not compile, by key
	// urgent counts the builds of requests that are not background,
	// under way; calm is signalled when it drops to 0 (see priority.go).
	urgent      int
	calm        *sync.Cond
	left, total int // programs of the background builds: not built yet, and in all
	// dispatchMin is the least number of new programs that Prepare
	// builds with dispatchers, 0 for never (see dispatch.go).
	dispatchMin int
	alone       map[string]*build // builds of dispatched programs on their own, by key
	// firstDone: the engine's first urgent build without and with -race
	// has started (see first.go).
	firstDone [2]bool
}

// maxBroken bounds the memory of programs that did not compile.
const maxBroken = 1000

// New returns an engine that keeps binaries under cacheDir (see
// DefaultCacheDir).
func New(cacheDir string) *Engine {
	life, stop := context.WithCancel(context.Background())
	e := &Engine{cache: &cache{dir: cacheDir}, goCmd: "go", life: life, stop: stop,
		flight: map[string]*build{}, broken: map[string]*build{}, alone: map[string]*build{},
		dispatchMin: dispatchFromEnv()}
	e.calm = sync.NewCond(&e.mu)
	return e
}

// Close stops the builds in progress and waits until they are gone. A
// build is shared by every request that needs its program, so a request
// that is cancelled only stops waiting for it.
func (e *Engine) Close() error {
	e.stop()
	e.mu.Lock()
	e.calm.Broadcast() // background builds stop waiting for their turn
	e.mu.Unlock()
	e.batches.Wait()
	return nil
}

// DefaultCacheDir returns $BINGFA_CACHE, or bingfa/ in the user's cache
// directory: the cache the helpers bingfa builds are kept in too
// (selfbuild.CacheDir).
func DefaultCacheDir() string { return selfbuild.CacheDir() }

// Name implements engine.Engine.
func (e *Engine) Name() string { return "compiled" }

// Prepare builds every program of ps that is not in the cache and waits
// for them. Programs with the same build flags are built by a few go build
// invocations of growing size, one after another, in the order of ps, so
// that the first programs can run while the others are built (see
// chunks); many new programs are built into dispatchers, of growing size
// too, before the others (see dispatch.go). When ctx is marked
// engine.Background, they are background builds, which yield to every
// other (see priority.go), and built without dispatchers.
func (e *Engine) Prepare(ctx context.Context, ps []*engine.Program) { e.Plan(ctx, ps)() }

// Plan implements engine.Planner: it registers the builds of ps and
// starts them as Prepare does, and returns the function that waits for
// them.
func (e *Engine) Plan(ctx context.Context, ps []*engine.Program) (wait func()) {
	bg := engine.IsBackground(ctx)
	out, groups := e.plan(ps, false)
	for _, jobs := range groups {
		disp, rest := e.dispatchSteps(jobs, bg)
		steps := e.queue(append(disp, chunks(rest)...), bg)
		for _, s := range steps[:len(disp)] {
			s.dispatch = true
		}
		e.batches.Add(1)
		go func() {
			defer e.batches.Done()
			for _, s := range steps {
				e.run(s)
			}
		}()
	}
	return func() {
		for _, b := range out {
			if b.wait(ctx) != nil {
				return
			}
		}
	}
}

// firstChunk is the size of the first build of a Prepare; each next one
// is twice as large, up to maxChunk: a reader whose program is in the
// background build under way waits for no more than maxChunk programs.
const firstChunk, maxChunk = 4, 16

// chunks splits jobs into builds of growing size, one after another: the
// first programs are ready to run after a small build, while the others
// are still being built, at the cost of a few more go build invocations.
func chunks(jobs []job) [][]job {
	var cs [][]job
	for n := firstChunk; len(jobs) > 0; n = min(2*n, maxChunk) {
		k := min(n, len(jobs))
		cs = append(cs, jobs[:k])
		jobs = jobs[k:]
	}
	return cs
}

// Run implements engine.Engine.
func (e *Engine) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	if p.Test != nil {
		return e.goTest(ctx, p, emit)
	}
	if p.Server != nil {
		return e.session(ctx, p, emit)
	}
	b := e.builds(ctx, []*engine.Program{p})[0]
	if err := b.wait(ctx); err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: err}
	}
	if b.err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: b.err, Build: b.took}
	}
	if p.Trace {
		out := e.exec(ctx, b.bin, traced(p), emit)
		readTraces(out)
		out.Engine, out.Build, out.Cached = e.Name(), b.took, b.cached
		return out
	}
	if b.dispatched {
		return e.runDispatched(ctx, b, p, emit)
	}
	out := e.exec(ctx, b.bin, p, emit)
	out.Engine, out.Build, out.Cached = e.Name(), b.took, b.cached
	return out
}

// exec runs a built binary in a scratch directory.
func (e *Engine) exec(ctx context.Context, bin string, p *engine.Program, emit func(engine.Event), hooks ...func(*proc.Config)) *engine.Outcome {
	return Exec(ctx, bin, p, emit, hooks...)
}

// Exec runs the binary bin as p says, the way the engine runs the
// programs it built: in the sandbox (unless p is unconfined), in a
// scratch directory holding p's data files, with the environment of
// package runenv, p's arguments, standard input, limits and signal, and
// the files p must write read back. os.Args[0] is p.Command(). An
// interpreter's engine runs its interpreter with it.
func Exec(ctx context.Context, bin string, p *engine.Program, emit func(engine.Event), hooks ...func(*proc.Config)) *engine.Outcome {
	box := proc.Sandbox(p)
	dir, scratch, err := proc.MakeScratch(box)
	if err != nil {
		return &engine.Outcome{Exit: -1, Err: engine.Failuref(engine.Broken, "cannot create a scratch directory: %v", err)}
	}
	if scratch != "" {
		defer os.RemoveAll(scratch)
	}
	// In a sandbox, the sandbox puts the data files in the program's own
	// scratch directory, and reads back what it wrote.
	stdin, err := runInputs(scratch, p)
	if err != nil {
		return &engine.Outcome{Exit: -1, Err: engine.Failuref(engine.Broken, "cannot give the program its inputs: %v", err)}
	}
	if stdin != nil {
		defer stdin.Close()
	}
	cmd := exec.Command(bin, p.Args...)
	cmd.Args[0] = p.Command() // the name the program sees, not the cache's path
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cmd.Env = runenv.Environ(dir, p.Env)
	if p.Trace {
		cmd.Env = append(cmd.Env, traceEnv(dir))
	}
	cfg := proc.Config{
		Timeout: p.Timeout, MaxOutput: p.MaxOutput, MaxMemory: p.MemoryLimit(), Split: p.Split, Emit: emit,
		Scratch: scratch, Sandbox: box,
	}
	signalWhenReady(&cfg, p)
	for _, h := range hooks {
		h(&cfg)
	}
	out := proc.Run(ctx, cmd, cfg)
	if box == nil {
		out.Files = collect(scratch, p.Collect, proc.CollectLimit(p))
	}
	return out
}

// A build is one program's binary, being built or done.
type build struct {
	done   chan struct{}
	bin    string
	err    error
	took   time.Duration
	cached bool
	// dispatched: bin is a dispatcher's link (see dispatch.go), whose
	// runs must pass the identity check.
	dispatched bool
	step       *step // the background build it waits in, until that starts
}

// wait waits for the build, or until ctx is done.
func (b *build) wait(ctx context.Context) error {
	select {
	case <-b.done:
		return nil
	case <-ctx.Done():
		return engine.Failuref(engine.Canceled, "stopped while building: %v", context.Cause(ctx))
	}
}

// Build implements engine.Builder.
func (e *Engine) Build(ctx context.Context, p *engine.Program) error {
	b := e.builds(ctx, []*engine.Program{p})[0]
	if err := b.wait(ctx); err != nil {
		return err
	}
	return b.err
}

// Cached reports whether p's binary is in the cache: running it costs no
// build.
func (e *Engine) Cached(p *engine.Program) bool {
	tool, err := e.cache.tool(e.goCmd)
	if err != nil {
		return false
	}
	_, ok := e.cache.lookup(e.cache.key(tool, buildFlags(p), buildInput(p)))
	return ok
}
