package serve

import (
	"context"
	"errors"
	"sync"
	"time"

	"bingfa/runner/lesson"
)

// A run is one request to run (or only build) a block's code: made by the
// run API, started when the page opens its event stream, ended when the
// program ends, is stopped, or the page goes away.
type run struct {
	id     string
	lesson *lesson.Lesson // an edited copy of the lesson (check.Edit)
	block  *lesson.Block  // the edited copy of the block to run
	edited bool           // the code differs from the lesson's

	mu       sync.Mutex
	attached bool
	stopped  bool
	cancel   context.CancelFunc // set when started
}

// A runTable holds the runs of a server, by id.
type runTable struct {
	lim *limiter
	ttl time.Duration // how long a run may wait for its event stream

	mu sync.Mutex
	m  map[string]*run
}

var (
	errQueueFull = errors.New("too many programs running or queued; try again later")
	errNoRun     = errors.New("no such run")
	errAttached  = errors.New("run already started")
)

func newRunTable(lim *limiter, ttl time.Duration) *runTable {
	return &runTable{lim: lim, ttl: ttl, m: map[string]*run{}}
}

// add admits r, or refuses it when the queue is full. A run whose event
// stream is not opened within the table's ttl is dropped.
func (t *runTable) add(r *run) error {
	if !t.lim.admit() {
		return errQueueFull
	}
	r.id = newToken()
	t.mu.Lock()
	t.m[r.id] = r
	t.mu.Unlock()
	time.AfterFunc(t.ttl, func() {
		r.mu.Lock()
		abandoned := !r.attached
		r.attached = true // too late to start now
		r.mu.Unlock()
		if abandoned {
			t.remove(r)
		}
	})
	return nil
}

// attach claims run id for the event stream that will run it, with the
// cancel function that stops it.
func (t *runTable) attach(id string, cancel context.CancelFunc) (*run, error) {
	t.mu.Lock()
	r := t.m[id]
	t.mu.Unlock()
	if r == nil {
		return nil, errNoRun
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.attached {
		return nil, errAttached
	}
	r.attached, r.cancel = true, cancel
	if r.stopped {
		cancel()
	}
	return r, nil
}

// stop stops run id, before or after it started.
func (t *runTable) stop(id string) error {
	t.mu.Lock()
	r := t.m[id]
	t.mu.Unlock()
	if r == nil {
		return errNoRun
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopped = true
	if r.cancel != nil {
		r.cancel()
	}
	return nil
}

// wasStopped reports whether the run was stopped by request.
func (r *run) wasStopped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped
}

// remove forgets r and gives back its admission.
func (t *runTable) remove(r *run) {
	t.mu.Lock()
	_, ok := t.m[r.id]
	delete(t.m, r.id)
	t.mu.Unlock()
	if ok {
		t.lim.leave()
	}
}
