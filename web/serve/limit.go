package serve

import "sync"

// A limiter bounds the runs of a server: at most running run at once (the
// server's checker bounds them, see newChecker) and at most queued more
// wait for a place; a run beyond both is refused. A run is admitted when
// it is requested and holds its admission until it ends (or is abandoned
// before it starts).
type limiter struct {
	mu       sync.Mutex
	admitted int // runs requested and not yet ended
	max      int // running + queued
}

func newLimiter(running, queued int) *limiter {
	return &limiter{max: running + queued}
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
