package check

import (
	"slices"
	"sync"
	"time"
)

// slots bound how many programs run at once, and let a serial program run
// alone. Up to base programs run at any time; more start, one at a time
// and in turn, while a CPU stays idle (programs that sleep or wait for
// their children leave the CPUs to others), up to max. Of the waiting
// programs, the one expected to run longest starts first (so that the
// longest ones do not start last and hold everything up), then the one
// that asked first.
type slots struct {
	excl   sync.RWMutex     // held for reading by every run, for writing by a serial one
	base   int              // programs that may always run at once
	max    int              // programs that may run at once while CPUs are idle
	idle   func() float64   // idle CPUs; nil: never more than base
	settle time.Duration    // between two starts beyond base, so the first one shows its load
	poll   time.Duration    // how often a waiting program looks at the idle CPUs
	now    func() time.Time // the clock, for tests

	mu      sync.Mutex
	running int
	next    uint64 // the ticket of the next program to ask
	waiting []waiter
	young   map[uint64]time.Time // running programs started less than settle ago
	changed chan struct{}        // closed, and replaced, when the state changes
}

// Defaults of slots beyond base: settle is the idle meter's window.
const (
	slotSettle = 100 * time.Millisecond
	slotPoll   = 25 * time.Millisecond
	slotFactor = 8 // max is slotFactor times base
)

func newSlots(base int, idle func() float64) *slots {
	return &slots{base: base, max: slotFactor * base, idle: idle, settle: slotSettle, poll: slotPoll,
		now: time.Now, young: map[uint64]time.Time{}, changed: make(chan struct{})}
}

// A waiter is a program waiting for a slot.
type waiter struct {
	ticket uint64
	expect time.Duration
}

// before reports whether w starts before v.
func (w waiter) before(v waiter) bool {
	if w.expect != v.expect {
		return w.expect > v.expect
	}
	return w.ticket < v.ticket
}

// acquire waits for a slot for a program expected to run for expect (0
// when unknown); a serial run waits until nothing else runs. It returns
// the function that releases the slot.
func (s *slots) acquire(serial bool, expect time.Duration) func() {
	if serial {
		s.excl.Lock()
		return s.excl.Unlock
	}
	s.excl.RLock()
	s.mu.Lock()
	me := waiter{s.next, expect}
	s.next++
	s.waiting = append(s.waiting, me)
	for !s.first(me) || !s.room() {
		s.wait(s.first(me))
	}
	s.waiting = slices.DeleteFunc(s.waiting, func(w waiter) bool { return w == me })
	s.running++
	s.young[me.ticket] = s.now()
	s.broadcast()
	s.mu.Unlock()
	return func() { s.release(me.ticket) }
}

// first reports whether it is w's turn. s.mu is held.
func (s *slots) first(w waiter) bool {
	for _, v := range s.waiting {
		if v.before(w) {
			return false
		}
	}
	return true
}

func (s *slots) release(ticket uint64) {
	s.mu.Lock()
	s.running--
	delete(s.young, ticket)
	s.broadcast()
	s.mu.Unlock()
	s.excl.RUnlock()
}

// room reports whether one more program may start now: below base, or
// beyond it while a CPU is idle and every running program has run long
// enough for the idle CPUs to show its load. s.mu is held.
func (s *slots) room() bool {
	if s.running < s.base {
		return true
	}
	if s.idle == nil || s.running >= s.max {
		return false
	}
	now := s.now()
	for t, start := range s.young {
		if now.Sub(start) < s.settle {
			return false
		}
		delete(s.young, t)
	}
	return s.idle() >= 1
}

// wait releases s.mu until the state changes or, for the program whose
// turn it is (head), until it is time to look at the idle CPUs again.
func (s *slots) wait(head bool) {
	ch := s.changed
	s.mu.Unlock()
	if head && s.idle != nil {
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
