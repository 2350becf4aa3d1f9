package check

import (
	"slices"
	"sync"
	"time"
)

// slots bound how many programs run at once, and let a serial program run
// alone. Up to base programs run at any time. More start, up to max,
// while the CPUs they would need are idle: a program that mostly sleeps
// or waits for its children (most programs about concurrency) needs next
// to none, one never run before is taken to need a whole CPU. Idle CPUs
// are measured (over a window, so the programs started less than a
// window ago count with what they are expected to need). Of the waiting
// programs, the one expected to run longest starts first, so that the
// longest do not start last and hold everything up, then the one that
// asked first; beyond base, a later one that fits in the idle CPUs may go
// before an earlier one that does not.
type slots struct {
	excl   sync.RWMutex     // held for reading by every run, for writing by a serial one
	base   int              // programs that may always run at once
	max    int              // programs that may run at once while CPUs are idle
	idle   func() float64   // idle CPUs; nil: never more than base
	settle time.Duration    // until a started program shows in the idle CPUs
	poll   time.Duration    // how often waiting programs look at the idle CPUs
	now    func() time.Time // the clock, for tests

	mu      sync.Mutex
	running int
	next    uint64 // the ticket of the next program to ask
	waiting []*waiter
	young   map[uint64]started // programs started less than settle ago
	changed chan struct{}      // closed, and replaced, when the state changes
}

// Defaults of slots beyond base: settle is the idle meter's window.
const (
	slotSettle = 100 * time.Millisecond
	slotPoll   = 25 * time.Millisecond
	slotFactor = 8    // max is slotFactor times base
	minNeed    = 0.05 // the least CPU a program is taken to need
)

func newSlots(base int, idle func() float64) *slots {
	return &slots{base: base, max: slotFactor * base, idle: idle, settle: slotSettle, poll: slotPoll,
		now: time.Now, young: map[uint64]started{}, changed: make(chan struct{})}
}

// A waiter is a program waiting for a slot.
type waiter struct {
	ticket uint64
	expect time.Duration // how long it is expected to run; 0 when unknown
	need   float64       // the CPUs it is expected to keep busy
}

// A started program, while it is young.
type started struct {
	at   time.Time
	need float64
}

// before reports whether w starts before v, all else being equal.
func (w *waiter) before(v *waiter) bool {
	if w.expect != v.expect {
		return w.expect > v.expect
	}
	return w.ticket < v.ticket
}

// acquire waits for a slot for a program expected to cost what c says
// (the zero Cost when unknown); a serial run waits until nothing else
// runs. It returns the function that releases the slot.
func (s *slots) acquire(serial bool, c Cost) func() {
	if serial {
		s.excl.Lock()
		return s.excl.Unlock
	}
	s.excl.RLock()
	s.mu.Lock()
	me := &waiter{ticket: s.next, expect: c.Wall, need: max(c.Load(), minNeed)}
	s.next++
	s.waiting = append(s.waiting, me)
	for !s.turn(me) {
		s.wait()
	}
	s.waiting = slices.DeleteFunc(s.waiting, func(w *waiter) bool { return w == me })
	s.running++
	s.young[me.ticket] = started{s.now(), me.need}
	s.broadcast()
	s.mu.Unlock()
	return func() { s.release(me.ticket) }
}

// turn reports whether w may start now: below base, when it is first in
// line; beyond it, when the idle CPUs hold what it needs and no program
// before it in line fits in them too. s.mu is held.
func (s *slots) turn(w *waiter) bool {
	if s.running < s.base {
		return !slices.ContainsFunc(s.waiting, func(v *waiter) bool { return v.before(w) })
	}
	if s.idle == nil || s.running >= s.max {
		return false
	}
	room := s.room()
	if w.need > room {
		return false
	}
	return !slices.ContainsFunc(s.waiting, func(v *waiter) bool { return v.before(w) && v.need <= room })
}

// room returns the idle CPUs, less what the programs started too recently
// to show in them are expected to need. s.mu is held.
func (s *slots) room() float64 {
	now := s.now()
	room := s.idle()
	for t, y := range s.young {
		if now.Sub(y.at) >= s.settle {
			delete(s.young, t)
			continue
		}
		room -= y.need
	}
	return room
}

func (s *slots) release(ticket uint64) {
	s.mu.Lock()
	s.running--
	delete(s.young, ticket)
	s.broadcast()
	s.mu.Unlock()
	s.excl.RUnlock()
}

// wait releases s.mu until the state changes or, while programs could
// start beyond base, until it is time to look at the idle CPUs again.
func (s *slots) wait() {
	ch := s.changed
	poll := s.idle != nil && s.running >= s.base && s.running < s.max
	s.mu.Unlock()
	if poll {
		t := time.NewTimer(s.poll)
		select {
		case <-ch:
		case <-t.C:
		}
		t.Stop()
	} else {
		<-ch
	}
	s.mu.Lock()
}

// broadcast wakes every waiting program. s.mu is held.
func (s *slots) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}
