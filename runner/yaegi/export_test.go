package yaegi

import "time"

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
