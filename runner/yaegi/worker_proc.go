package yaegi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"sync/atomic"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
	"bingfa/runner/runenv"
	"bingfa/runner/yaegi/protocol"
)

// A worker is a started worker process, idle until it gets its request.
type worker struct {
	limits  limits
	req     *os.File // write end of the request pipe
	started time.Time
	idle    atomic.Int64 // nanoseconds between start and request
	emit    atomic.Pointer[func(engine.Event)]
	ctx     context.Context // the supervision's; its cause says why it ended
	stop    context.CancelCauseFunc
	exited  chan struct{} // closed when the process and its group are gone
	out     *engine.Outcome
	report  []byte
	// dir is the worker's scratch directory as its program sees it:
	// created with the worker (which may start before its program is
	// known), removed when it ends.
	dir string
}

// limits are the settings a worker is started with: a program runs in a
// worker with its own.
type limits struct {
	split                bool
	maxOutput, maxMemory int64
	unconfined, hostNet  bool // see engine.Program
}

// limitsOf returns the limits p must run with.
func limitsOf(p *engine.Program) limits {
	l := limits{split: p.Split, maxOutput: p.MaxOutput, maxMemory: p.MemoryLimit(),
		unconfined: p.Unconfined, hostNet: p.HostNet}
	if l.maxOutput <= 0 {
		l.maxOutput = defaultLimits.maxOutput
	}
	return l
}

// defaultLimits are those of a block that sets none: the warm workers'.
var defaultLimits = limits{maxOutput: 1 << 20, maxMemory: engine.DefaultMaxMemory}

// idleLimit is the longest a worker waits for its request.
const idleLimit = time.Hour

// errTimeout is the cause of stopping a worker at its program's limit.
var errTimeout = errors.New("time limit")

// startWorker starts a worker process under supervision for the life of
// life.
func startWorker(life context.Context, exe string, lim limits) (_ *worker, err error) {
	var reqR, reqW, repR, repW *os.File
	defer func() {
		if err != nil {
			for _, f := range []*os.File{reqR, reqW, repR, repW} {
				f.Close() // nil for a pipe not made
			}
		}
	}()
	if reqR, reqW, err = os.Pipe(); err != nil {
		return nil, err
	}
	if repR, repW, err = os.Pipe(); err != nil {
		return nil, err
	}
	box := proc.Sandbox(&engine.Program{Unconfined: lim.unconfined, HostNet: lim.hostNet, MaxMemory: lim.maxMemory})
	dir, scratch, err := proc.MakeScratch(box)
	if err != nil {
		return nil, err
	}
	w := &worker{limits: lim, req: reqW, exited: make(chan struct{}), dir: dir}
	ctx, stop := context.WithCancelCause(life)
	w.ctx, w.stop = ctx, stop
	cmd := exec.Command(exe)
	cmd.Env = append(runenv.Environ(w.dir, nil), protocol.WorkerEnv+"=yaegi")
	cmd.Dir = w.dir
	cmd.ExtraFiles = []*os.File{reqR, repW}
	reported := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(repR, protocol.MaxReport))
		reported <- b
	}()
	w.started = time.Now()
	go func() {
		out := proc.Run(ctx, cmd, proc.Config{Timeout: idleLimit, MaxOutput: lim.maxOutput,
			MaxMemory: lim.maxMemory, Split: lim.split, Emit: w.forward, Scratch: scratch, Sandbox: box})
		if scratch != "" {
			os.RemoveAll(scratch)
		}
		reqR.Close()
		repW.Close()
		select {
		case w.report = <-reported:
		case <-time.After(time.Second): // a descendant holds the pipe
		}
		repR.Close()
		w.out = out
		stop(nil)
		close(w.exited)
	}()
	return w, nil
}

// forward passes an event to the current request's emit, with its time
// counted from the request.
func (w *worker) forward(e engine.Event) {
	e.Time = max(0, e.Time-time.Duration(w.idle.Load()))
	if f := w.emit.Load(); f != nil && *f != nil {
		(*f)(e)
	}
}

// alive reports whether the worker is still waiting.
func (w *worker) alive() bool { return !isClosed(w.exited) }

// run sends p to the worker and supervises it to its end.
func (w *worker) run(ctx context.Context, p *engine.Program, req *protocol.Request, emit func(engine.Event)) *engine.Outcome {
	w.emit.Store(&emit)
	w.idle.Store(int64(time.Since(w.started)))
	defer context.AfterFunc(ctx, func() { w.stop(context.Cause(ctx)) })()
	timer := time.AfterFunc(timeout(p), func() { w.stop(errTimeout) })
	defer timer.Stop()
	if err := json.NewEncoder(w.req).Encode(req); err != nil {
		w.stop(err)
	}
	w.req.Close()
	<-w.exited
	return w.outcome(ctx, p)
}

// outcome returns the worker's Outcome for p, with times counted from the
// request and the worker's report as its error.
func (w *worker) outcome(ctx context.Context, p *engine.Program) *engine.Outcome {
	out := w.out
	idle := time.Duration(w.idle.Load())
	out.Elapsed = max(0, out.Elapsed-idle)
	for i := range out.Events {
		out.Events[i].Time = max(0, out.Events[i].Time-idle)
	}
	switch {
	case engine.IsFailure(out.Err, engine.Canceled) && errors.Is(context.Cause(w.ctx), errTimeout):
		out.Err = engine.Failuref(engine.Timeout, "timed out after %v", timeout(p))
	case out.Err != nil:
	default:
		r, err := parseReport(w.report)
		if err != nil {
			out.Err = engine.Failuref(engine.Broken, "%v", err)
		} else if r != nil {
			out.Err, out.Exit = reportErr(r, p), -1
			if r.Compiling {
				out.Events = nil
			}
		}
	}
	return out
}

// defaultTimeout is the limit of a program that sets none.
const defaultTimeout = 10 * time.Second

func timeout(p *engine.Program) time.Duration {
	if p.Timeout <= 0 {
		return defaultTimeout
	}
	return p.Timeout
}

// kill stops a worker that will not be used.
func (w *worker) kill() {
	w.stop(errors.New("closed"))
	w.req.Close()
	<-w.exited
}
