package check

import (
	"context"
	"slices"
	"sync"
	"time"
)

// slots bound how many programs run at once, and let a serial program run
// alone. Up to base programs run at any time. More start, up to max,
// while the CPUs they would need are idle, or are not claimed by the
// programs running: a program that mostly sleeps or waits for its
// children (most programs about concurrency) needs next to none, one
// never run before is taken to need a whole CPU. Idle CPUs are measured
// (over a window, so the programs started less than a window ago count
// with what they are expected to need); base CPUs are the check's own,
// whatever else runs on the machine, and each running program claims what
// it is expected to need of them, so that on a busy machine programs that
// sleep still run beside each other. Of the waiting programs, the one
// expected to run longest starts first, so that the longest do not start
// last and hold everything up, then the one that asked first; a reader's
// program (Checker.Run) goes before all of these. A later one that fits
// in the idle CPUs may go before an earlier one that does not; in the
// check's own CPUs, none does, so that one that needs a whole CPU is not
// passed over by a stream of programs that sleep.
type slots struct {
	excl   sync.RWMutex     // held for reading by every run, for writing by a serial one
	base   int              // programs that may always run at once
	max    int              // programs that may run at once while CPUs are idle
	idle   func() float64   // idle CPUs; nil: never more than base
	settle time.Duration    // until a started program shows in the idle CPUs
	poll   time.Duration    // how often to look at the idle CPUs while programs wait
	now    func() time.Time // the clock, for tests

	mu      sync.Mutex
	running int
	next    uint64             // the ticket of the next program to ask
	waiting []*waiter          // in the order they start in, all else being equal
	young   map[uint64]started // programs started less than settle ago
	claims  map[uint64]float64 // the CPUs each running program is expected to need
	polling bool               // a look at the idle CPUs is due
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
		now: time.Now, young: map[uint64]started{}, claims: map[uint64]float64{}}
}

// A waiter is a program waiting for a slot.
type waiter struct {
	ticket uint64
	first  bool          // a reader's: before the others
	expect time.Duration // how long it is expected to run; 0 when unknown
	need   float64       // the CPUs it is expected to keep busy
	ready  chan struct{} // closed when it may start
}

// A started program, while it is young.
type started struct {
	at   time.Time
	need float64
}

// before reports whether w starts before v, all else being equal.
func (w *waiter) before(v *waiter) bool {
	if w.first != v.first {
		return w.first
	}
	if w.expect != v.expect {
		return w.expect > v.expect
	}
	return w.ticket < v.ticket
}

// acquire waits for a slot for a program expected to cost what c says
// (the zero Cost when unknown), before the others when first; a serial
// run waits until nothing else runs. waiting, if not nil, is called first
// when it has to wait. It returns the function that releases the slot; a
// program whose ctx ends while it waits in turn gives up its turn, and has
// no slot to release.
func (s *slots) acquire(ctx context.Context, serial bool, c Cost, first bool, waiting func()) func() {
	if waiting == nil {
		waiting = func() {}
	}
	if serial {
		if !s.excl.TryLock() {
			waiting()
			s.excl.Lock()
		}
		return s.excl.Unlock
	}
	if !s.excl.TryRLock() {
		waiting()
		s.excl.RLock()
	}
	s.mu.Lock()
	me := &waiter{ticket: s.next, first: first, expect: c.Wall, need: max(c.Load(), minNeed), ready: make(chan struct{})}
	s.next++
	i, _ := slices.BinarySearchFunc(s.waiting, me, func(v, w *waiter) int {
		if v.before(w) {
			return -1
		}
		return 1
	})
	s.waiting = slices.Insert(s.waiting, i, me)
	s.dispatch()
	s.mu.Unlock()
	select {
	case <-me.ready:
	default:
		waiting()
		select {
		case <-me.ready:
		case <-ctx.Done():
			if s.giveUp(me) {
				return func() {}
			}
		}
	}
	return func() { s.release(me.ticket) }
}

// giveUp takes w out of the waiting programs, unless it was started
// meanwhile: it reports whether it was.
func (s *slots) giveUp(w *waiter) bool {
	s.mu.Lock()
	i := slices.Index(s.waiting, w)
	if i >= 0 {
		s.waiting = slices.Delete(s.waiting, i, i+1)
	}
	s.mu.Unlock()
	if i < 0 {
		<-w.ready
		return false
	}
	s.excl.RUnlock()
	return true
}

func (s *slots) release(ticket uint64) {
	s.mu.Lock()
	s.running--
	delete(s.young, ticket)
	delete(s.claims, ticket)
	s.dispatch()
	s.mu.Unlock()
	s.excl.RUnlock()
}

// dispatch starts the waiting programs that may start now: in turn, while
// fewer than base run, then while what the next one is expected to need
// fits in the check's CPUs not claimed by those running (so that one
// that needs a CPU is not passed over by programs that sleep); beyond
// that, in turn, each that fits in the idle CPUs left by those before it
// (a later one that fits may go before an earlier one that does not).
// While programs are left waiting that the idle CPUs could admit later,
// it looks again after a poll. s.mu is held.
func (s *slots) dispatch() {
	for len(s.waiting) > 0 && s.running < s.base {
		s.start(0)
	}
	if s.idle == nil {
		return
	}
	for len(s.waiting) > 0 && s.running < s.max && min(s.waiting[0].need, float64(s.base)) <= s.unclaimed() {
		s.start(0)
	}
	if len(s.waiting) == 0 || s.running >= s.max {
		return
	}
	room := s.room()
	for i := 0; i < len(s.waiting) && s.running < s.max; {
		if need := s.waiting[i].need; need <= room {
			room -= need
			s.start(i)
			continue
		}
		i++
	}
	if len(s.waiting) > 0 && s.running < s.max && !s.polling {
		s.polling = true
		time.AfterFunc(s.poll, func() {
			s.mu.Lock()
			s.polling = false
			s.dispatch()
			s.mu.Unlock()
		})
	}
}

// start lets the i'th waiting program start. s.mu is held.
func (s *slots) start(i int) {
	w := s.waiting[i]
	s.waiting = slices.Delete(s.waiting, i, i+1)
	s.running++
	s.young[w.ticket] = started{s.now(), w.need}
	s.claims[w.ticket] = w.need
	close(w.ready)
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

// unclaimed returns the base CPUs that the running programs are not
// expected to need. s.mu is held.
func (s *slots) unclaimed() float64 {
	free := float64(s.base)
	for _, need := range s.claims {
		free -= need
	}
	return free
}
