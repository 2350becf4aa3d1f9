package compiled

import (
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
// step, of at most maxChunk programs.

// A step is one go build of a Prepare, queued until it starts.
type step struct {
	jobs []job
	bg   bool // a background step
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
	for _, j := range jobs {
		j.b.step = nil
	}
	s.jobs = nil
	e.mu.Unlock()
	if !bg {
		e.batch(e.life, jobs)
		return
	}
	e.batch(engine.Background(e.life), jobs)
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

// lowPriority returns the hook (proc.Config.Started) that makes the
// process group of cmd, a go build, run at the lowest CPU priority: the go
// command and the compilers and linkers it starts, which inherit it.
func lowPriority(cmd *exec.Cmd) func(func(syscall.Signal)) {
	return func(func(syscall.Signal)) {
		_ = syscall.Setpriority(syscall.PRIO_PGRP, cmd.Process.Pid, 19)
	}
}
