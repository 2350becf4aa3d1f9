package serve

import (
	"context"
	"sync"
)

// A limiter bounds the programs of a server: at most running at once, and
// at most queued more waiting for a place; a run beyond both is refused.
// A run is admitted when it is requested and holds its admission until it
// ends (or is abandoned before it starts).
type limiter struct {
	slots chan struct{} // one token per running program

	mu       sync.Mutex
	admitted int // runs requested and not yet ended
	max      int // running + queued
}

func newLimiter(running, queued int) *limiter {
	return &limiter{slots: make(chan struct{}, running), max: running + queued}
}

// admit reserves a place for a run; false when the queue is full.
func (l *limiter) admit() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.admitted >= l.max {
		return false
	}
	l.admitted++
	return true
}

// leave gives back an admission.
func (l *limiter) leave() {
	l.mu.Lock()
	l.admitted--
	l.mu.Unlock()
}

// start waits for a place to run. waiting, if not nil, is called first
// when the run has to wait. It returns ctx's error if ctx ends first.
func (l *limiter) start(ctx context.Context, waiting func()) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	if waiting != nil {
		waiting()
	}
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// done gives back a place to run.
func (l *limiter) done() { <-l.slots }
