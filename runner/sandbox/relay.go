package sandbox

import (
	"errors"
	"runtime"
	"sync"
	"syscall"
)

// Signals reach the program through a pipe, not as signals: bingfa cannot
// name the program's process group in the PID namespace, and a program
// could signal the init itself. bingfa writes the number of a signal on
// the pipe (Box.Signal); the program's parent reads it and sends the
// signal to the program's process group, until it has reaped the program.

// A relay sends the signals read from a pipe to the program's group.
type relay struct {
	mu   sync.Mutex
	pgid int
	done bool
}

// start reads signal numbers from fd (see readAsUser) and sends each to
// the group of pgid until r.end.
func (r *relay) start(fd int, pgid int, root bool) {
	r.pgid = pgid
	readAsUser(fd, root, func(b byte) { r.send(syscall.Signal(b)) }, nil)
}

// readAsUser reads fd a byte at a time in a goroutine on a thread of its
// own with the program's user (so that it may signal the program even
// when bingfa is root; see dropPrivileges), calling each for every byte
// and, when fd ends, end (either may be nil); it closes fd.
func readAsUser(fd int, root bool, each func(byte), end func()) {
	go func() {
		runtime.LockOSThread() // never unlocked: the thread dies with it
		defer syscall.Close(fd)
		if dropPrivileges(root) != nil {
			return
		}
		var b [1]byte
		for {
			n, err := syscall.Read(fd, b[:])
			if err == syscall.EINTR {
				continue
			}
			if n != 1 || err != nil {
				if end != nil {
					end()
				}
				return
			}
			if each != nil {
				each(b[0])
			}
		}
	}()
}

func (r *relay) send(sig syscall.Signal) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.done {
		_ = syscall.Kill(-r.pgid, sig)
	}
}

// end stops the relay once the program has been reaped: its group id may
// then be another's.
func (r *relay) end() {
	r.mu.Lock()
	r.done = true
	r.mu.Unlock()
}

var errSignal = errors.New("cannot relay the signal: the run has ended")

// Signal sends sig to the program's process group, once the program has
// started (a signal sent before is delivered then). It may be called from
// any goroutine until Result.
func (b *Box) Signal(sig syscall.Signal) error {
	b.sigMu.Lock()
	defer b.sigMu.Unlock()
	if b.sigW == nil || sig <= 0 || sig > 255 {
		return errSignal
	}
	_, err := b.sigW.Write([]byte{byte(sig)})
	return err
}
