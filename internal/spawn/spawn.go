// Package spawn starts child processes that die with bingfa.
//
// A child started with the parent-death signal SIGKILL
// (syscall.SysProcAttr.Pdeathsig) is killed by the kernel when its parent
// ends, even by SIGKILL; but the signal fires when the thread that
// started the child ends, not the process (golang/go#27505), and the Go
// runtime may end a thread. So every such child is started from one
// goroutine locked to its thread for the life of the process: Do runs a
// start function there, and Start starts an exec.Cmd there with the
// signal set. Sandbox inits, the static check's process and the go
// commands bingfa runs (builds, go test -c, go list) are started this
// way, so that a bingfa killed by SIGKILL leaves none of them running.
// (A go command's own children, its compilers and linker, are not its
// to take along: they end when their step does.)
package spawn

import (
	"embed"
	"os/exec"
	"runtime"
	"sync"
	"syscall"
)

// Sources are this package's own files, for the commands bingfa builds
// from embedded sources that import it (the sandbox's helper, the
// interpreter's worker).
//
//go:embed *.go
var Sources embed.FS

// spawner is the goroutine that starts every child, locked to its thread
// for the life of the process.
var spawner struct {
	once sync.Once
	reqs chan req
}

type req struct {
	start func() error
	done  chan error
}

// Do runs start (an exec.Cmd's Start, or a syscall.ForkExec) on the
// spawner's thread and returns its error.
func Do(start func() error) error {
	spawner.once.Do(func() {
		spawner.reqs = make(chan req)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread lives on
			for r := range spawner.reqs {
				r.done <- r.start()
			}
		}()
	})
	done := make(chan error, 1)
	spawner.reqs <- req{start: start, done: done}
	return <-done
}

// Start starts cmd with the parent-death signal SIGKILL, keeping the
// rest of its SysProcAttr, from the spawner's thread.
func Start(cmd *exec.Cmd) error {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	return Do(cmd.Start)
}
