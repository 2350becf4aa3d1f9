package check

import "sync"

// slots bound how many programs run at once, and let a serial program run
// alone.
type slots struct {
	excl sync.RWMutex  // held for reading by every run, for writing by a serial one
	sem  chan struct{} // one token per running program
}

func newSlots(n int) *slots {
	return &slots{sem: make(chan struct{}, n)}
}

// acquire waits for a slot; a serial run waits until nothing else runs.
// It returns the function that releases the slot.
func (s *slots) acquire(serial bool) func() {
	if serial {
		s.excl.Lock()
		return s.excl.Unlock
	}
	s.excl.RLock()
	s.sem <- struct{}{}
	return func() {
		<-s.sem
		s.excl.RUnlock()
	}
}
