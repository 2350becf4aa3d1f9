package compiled

import (
	"context"
	"os/exec"
	"slices"
	"syscall"

	"bingfa/runner/engine"
)

// Background builds (Prepare with a context marked engine.Background: a
// server building its course before anyone asks) yield to urgent ones
// (a request whose context is not so marked, such as a reader's run):
//   - a background step (one go build invocation) does not start while an
//     urgent build is under way;
//   - an urgent request for a program of a step that has not started takes
//     the program out of the step and builds it at once;
//   - a background go build runs at the lowest CPU priority (nice 19), so
//     that one under way leaves the CPUs to an urgent build.
//
// An urgent request for a program of the step under way waits for that
// step, of at most maxChunk programs, which then runs at the usual
// priority again: a reader must not wait for a build that a busy machine
// starves. Where bingfa may not raise a priority it lowered (a user
// without CAP_SYS_NICE), the urgent request builds the program itself.

// A step is one go build of a Prepare, queued until it starts.
type step struct {
	jobs    []job
	bg      bool // a background step
	started bool // its go build is under way
	pgid    int  // the process group of its go build, once started
	urgent  bool // an urgent request waits for it: it runs at the usual priority
	// dispatch: its programs are built into one dispatcher (see
	// dispatch.go); set before it runs.
	dispatch bool
}

// queue returns chunks as steps, registered as background steps when bg.
func (e *Engine) queue(chunks [][]job, bg bool) []*step {
	e.mu.Lock()
	defer e.mu.Unlock()
	steps := make([]*step, len(chunks))
	for i, c := range chunks {
		steps[i] = &step{jobs: c, bg: bg}
		if !bg {
			continue
		}
		for _, j := range c {
			j.b.step = steps[i]
		}
		e.total += len(c)
		e.left += len(c)
	}
	return steps
}

// run builds the programs of s. A background step first waits until no
// urgent build is under way, and builds what is left of it then, at low
// priority.
func (e *Engine) run(s *step) {
	e.mu.Lock()
	bg := s.bg
	for bg && e.urgent > 0 && e.life.Err() == nil {
		e.calm.Wait()
	}
	jobs := s.jobs
	s.jobs, s.started = nil, true
	e.mu.Unlock()
	if !bg {
		if s.dispatch {
			e.dispatchBatch(e.life, jobs)
			return
		}
		e.batch(e.life, jobs)
		return
	}
	e.batch(withStep(engine.Background(e.life), s), jobs)
	e.mu.Lock()
	e.built(len(jobs))
	e.mu.Unlock()
}

// takeOut takes the build b of key out of the background step it waits
// in, and returns its job, for an urgent build. e.mu is held.
func (e *Engine) takeOut(b *build, key string) job {
	s := b.step
	i := slices.IndexFunc(s.jobs, func(j job) bool { return j.key == key })
	j := s.jobs[i]
	s.jobs = slices.Delete(s.jobs, i, i+1)
	b.step = nil
	e.built(1)
	return j
}

// built counts n programs of the background builds as built (or taken
// out of them). e.mu is held.
func (e *Engine) built(n int) {
	if e.left -= n; e.left == 0 {
		e.total = 0
	}
}

// calmed ends one group of urgent builds; the background steps go on when
// none is left.
func (e *Engine) calmed() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.urgent--; e.urgent == 0 {
		e.calm.Broadcast()
	}
}

// Backlog returns how many programs of the background builds are built
// (or being built urgently), and how many there are: 0 and 0 when none is
// left to build.
func (e *Engine) Backlog() (built, total int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.total - e.left, e.total
}

// waitsIn reports whether b is a program of a background step under way.
func (b *build) waitsIn() bool { return b.step != nil && b.step.started && b.step.bg }

// raise makes the background step s run at the usual priority, for an
// urgent request that waits for it, and reports whether it could. e.mu is
// held.
func (e *Engine) raise(s *step) bool {
	s.urgent = true
	if s.pgid == 0 {
		return true // lowPriority will leave it as it is
	}
	return syscall.Setpriority(syscall.PRIO_PGRP, s.pgid, 0) == nil
}

// lowPriority returns the hook (proc.Config.Started) that makes the
// process group of cmd, the go build of background step s, run at the
// lowest CPU priority, unless an urgent request already waits for it: the
// go command and the compilers and linkers it starts, which inherit it.
func (e *Engine) lowPriority(cmd *exec.Cmd, s *step) func(func(syscall.Signal)) {
	return func(func(syscall.Signal)) {
		e.mu.Lock()
		defer e.mu.Unlock()
		s.pgid = cmd.Process.Pid
		if !s.urgent {
			_ = syscall.Setpriority(syscall.PRIO_PGRP, s.pgid, 19)
		}
	}
}

type stepKey struct{}

// withStep returns ctx carrying the background step it builds.
func withStep(ctx context.Context, s *step) context.Context {
	return context.WithValue(ctx, stepKey{}, s)
}

// stepOf returns the background step ctx builds, or nil.
func stepOf(ctx context.Context) *step {
	s, _ := ctx.Value(stepKey{}).(*step)
	return s
}
