package serve

import (
	"context"
	"sync"
)

// A limiter bounds the programs of a server: at most running at once, and
// at most queued more waiting for a place; a run beyond both is refused.
// A run is admitted when it is requested and holds its admission until it
// ends (or is abandoned before it starts). A serial run (a block that
// measures time or CPU) takes every place, so that it runs alone.
type limiter struct {
	slots  chan struct{} // one token per running program
	serial sync.Mutex    // held while a serial run gathers its places

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

// start waits for a place to run (every place, for a serial run), and
// returns the function that gives them back. waiting, if not nil, is
// called first when the run has to wait. It returns ctx's error if ctx
// ends first.
func (l *limiter) start(ctx context.Context, serial bool, waiting func()) (func(), error) {
	n := 1
	if serial {
		n = cap(l.slots)
		l.serial.Lock()
		defer l.serial.Unlock()
	}
	told := false
	tell := func() {
		if !told && waiting != nil {
			told = true
			waiting()
		}
	}
	for i := range n {
		if err := l.take(ctx, tell); err != nil {
			l.give(i)
			return nil, err
		}
	}
	return func() { l.give(n) }, nil
}

// take waits for one place, calling waiting first if it has to wait.
func (l *limiter) take(ctx context.Context, waiting func()) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	waiting()
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// give gives back n places.
func (l *limiter) give(n int) {
	for range n {
		<-l.slots
	}
}
