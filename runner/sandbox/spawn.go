package sandbox

import (
	"runtime"
	"sync"
)

// spawner is the goroutine that starts every init, locked to its thread
// for the life of the process: the parent-death signal fires when the
// thread that started a child ends (golang/go#27505), and a thread ends
// only when a goroutine locked to it does.
var spawner struct {
	once sync.Once
	reqs chan spawnReq
}

type spawnReq struct {
	start func() error
	done  chan error
}

// spawn runs start (an exec.Cmd's Start) on the spawner's thread.
func spawn(start func() error) error {
	spawner.once.Do(func() {
		spawner.reqs = make(chan spawnReq)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread lives on
			for r := range spawner.reqs {
				r.done <- r.start()
			}
		}()
	})
	done := make(chan error, 1)
	spawner.reqs <- spawnReq{start: start, done: done}
	return <-done
}

// Spawn runs start (an exec.Cmd's Start) on the thread that starts every
// init, which lives as long as the process: a child started there with a
// parent-death signal gets it only when this process ends (the yaegi
// worker's static check process, say).
func Spawn(start func() error) error { return spawn(start) }
