package compiled

import (
	"strings"
	"sync"
	"syscall"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
)

// signals maps the names a lesson uses to signals.
var signals = map[string]syscall.Signal{
	"SIGINT": syscall.SIGINT, "SIGTERM": syscall.SIGTERM, "SIGHUP": syscall.SIGHUP,
	"SIGQUIT": syscall.SIGQUIT, "SIGUSR1": syscall.SIGUSR1, "SIGUSR2": syscall.SIGUSR2,
	"SIGKILL": syscall.SIGKILL,
}

// signalWhenReady makes the run of cfg send p.Signal to the program's
// process group (as Ctrl-C does to a terminal's foreground group) once
// the program is ready: when its output contains p.Ready, if given, and
// p.After later.
func signalWhenReady(cfg *proc.Config, p *engine.Program) {
	sig, ok := signals[p.Signal]
	if !ok {
		return
	}
	s := &signaller{sig: sig, ready: p.Ready, after: p.After, emit: cfg.Emit}
	cfg.Emit, cfg.Started, cfg.Stopped = s.watch, s.start, s.stop
}

// A signaller sends one signal to a running program when it is ready.
type signaller struct {
	sig   syscall.Signal
	ready string
	after time.Duration
	emit  func(engine.Event)

	mu    sync.Mutex
	kill  func(syscall.Signal) // signals the program's group; nil before it started
	done  bool                 // the program has ended: its group id may be reused
	fired bool                 // the program is ready: the signal is sent or timed
	tail  string
	timer *time.Timer
}

func (s *signaller) start(kill func(syscall.Signal)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kill = kill
	if s.ready == "" {
		s.fire()
	}
}

// watch looks for the readiness text in the output, across pieces.
func (s *signaller) watch(ev engine.Event) {
	if s.emit != nil {
		s.emit(ev)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fired || s.ready == "" {
		return
	}
	text := s.tail + string(ev.Data)
	if strings.Contains(text, s.ready) {
		s.fire()
		return
	}
	if keep := len(s.ready) - 1; len(text) > keep {
		text = text[len(text)-keep:]
	}
	s.tail = text
}

// fire sends the signal now, or after s.after; s.mu is held.
func (s *signaller) fire() {
	s.fired = true
	if s.after <= 0 {
		s.send()
		return
	}
	s.timer = time.AfterFunc(s.after, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.send()
	})
}

// send signals the group unless the program has ended; s.mu is held.
func (s *signaller) send() {
	if !s.done && s.kill != nil {
		s.kill(s.sig)
	}
}

func (s *signaller) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = true
	if s.timer != nil {
		s.timer.Stop()
	}
}
