package yaegi

import (
	"os"
	"time"
)

// WaitWarm waits until the pool has all its warm workers.
func (e *Engine) WaitWarm() {
	e.fill()
	for {
		e.mu.Lock()
		n := len(e.warm)
		e.mu.Unlock()
		if n >= e.size {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// NoPool makes e start a worker for every program.
func (e *Engine) NoPool() { e.size = 0 }

// StaticProcess returns the static check's process's state once it has
// ended (nil before), or nil if none was started.
func (s *Static) StaticProcess() *os.ProcessState {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil {
		return nil
	}
	return s.proc.cmd.ProcessState
}
