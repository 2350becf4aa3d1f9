package check

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// occupy has n programs take a slot each, all asking at once, and hold it
// until hold is closed. It returns how many held a slot at the same time
// at most, once want programs have their slot (and a moment more, to see
// whether others start) or after patience.
func occupy(t *testing.T, s *slots, n, want int, patience time.Duration) (most int, hold chan struct{}, done *sync.WaitGroup) {
	t.Helper()
	hold = make(chan struct{})
	done = &sync.WaitGroup{}
	var now, peak, started atomic.Int32
	for range n {
		done.Go(func() {
			release := s.acquire(false, 0)
			started.Add(1)
			cur := now.Add(1)
			for p := peak.Load(); cur > p && !peak.CompareAndSwap(p, cur); p = peak.Load() {
			}
			<-hold
			now.Add(-1)
			release()
		})
	}
	deadline := time.Now().Add(patience)
	for int(started.Load()) < want && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	return int(peak.Load()), hold, done
}

func fastSlots(base int, idle func() float64) *slots {
	s := newSlots(base, idle)
	s.settle, s.poll = time.Millisecond, time.Millisecond
	return s
}

func TestSlotsBusyMachine(t *testing.T) {
	for name, idle := range map[string]func() float64{"no meter": nil, "no idle CPU": func() float64 { return 0.5 }} {
		t.Run(name, func(t *testing.T) {
			s := fastSlots(2, idle)
			most, hold, done := occupy(t, s, 5, 5, 100*time.Millisecond)
			if most != 2 {
				t.Errorf("%d programs ran at once, want 2", most)
			}
			close(hold)
			done.Wait()
		})
	}
}

func TestSlotsIdleMachine(t *testing.T) {
	s := fastSlots(2, func() float64 { return 2 })
	most, hold, done := occupy(t, s, 10, 10, 10*time.Second)
	if most != 10 {
		t.Errorf("%d programs ran at once on an idle machine, want all 10", most)
	}
	close(hold)
	done.Wait()
	s = fastSlots(1, func() float64 { return 2 })
	most, hold, done = occupy(t, s, 20, slotFactor, 10*time.Second)
	if most != slotFactor {
		t.Errorf("%d programs ran at once, want at most %d", most, slotFactor)
	}
	close(hold)
	done.Wait()
}

// TestSlotsSettle: beyond base, a program starts only when every running
// program has run for a settle, so that the idle CPUs show its load; a
// program that is done no longer holds the others back.
func TestSlotsSettle(t *testing.T) {
	s := newSlots(1, func() float64 { return 2 })
	clock := time.Unix(1000, 0)
	var mu sync.Mutex
	s.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	s.poll = time.Millisecond
	tick := func() {
		mu.Lock()
		clock = clock.Add(s.settle)
		mu.Unlock()
	}
	most, hold, done := occupy(t, s, 4, 4, 50*time.Millisecond)
	if most != 1 {
		t.Errorf("%d programs ran at once with the clock stopped, want 1", most)
	}
	tick()
	waitRunning(t, s, 2)
	// A program that starts and ends at once does not hold up the next.
	tick()
	r := s.acquire(false, time.Hour) // first in line
	r()
	waitRunning(t, s, 3)
	close(hold)
	done.Wait()
}

// waitRunning waits until n programs run, and fails if it takes long.
func waitRunning(t *testing.T, s *slots, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		running := s.running
		s.mu.Unlock()
		if running == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d programs run, want %d", running, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestSlotsInTurn: waiting programs start in the order they asked, or
// the ones expected to run longest first.
func TestSlotsInTurn(t *testing.T) {
	for _, tc := range []struct {
		name   string
		expect []time.Duration
		want   []int
	}{
		{"unknown", []time.Duration{0, 0, 0, 0, 0}, []int{0, 1, 2, 3, 4}},
		{"longest first", []time.Duration{time.Second, 0, 3 * time.Second, time.Second, 2 * time.Second}, []int{2, 4, 0, 3, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := startOrder(tc.expect); !slices.Equal(got, tc.want) {
				t.Errorf("programs started in the order %v, want %v", got, tc.want)
			}
		})
	}
}

// startOrder has programs expected to run for expect ask for a slot, one
// after another, while the only slot is taken, and returns the order in
// which they start once it is free.
func startOrder(expect []time.Duration) []int {
	s := fastSlots(1, nil)
	release := s.acquire(false, 0)
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i, d := range expect {
		wg.Go(func() {
			r := s.acquire(false, d)
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			r()
		})
		for { // wait until program i has its ticket
			s.mu.Lock()
			asked := s.next == uint64(i+2)
			s.mu.Unlock()
			if asked {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	release()
	wg.Wait()
	return order
}

func TestSlotsSerialAlone(t *testing.T) {
	s := fastSlots(2, func() float64 { return 2 })
	release := s.acquire(false, 0)
	var serialRan atomic.Bool
	go func() {
		r := s.acquire(true, 0)
		serialRan.Store(true)
		r()
	}()
	time.Sleep(20 * time.Millisecond)
	if serialRan.Load() {
		t.Fatal("a serial program ran beside another one")
	}
	release()
	deadline := time.Now().Add(10 * time.Second)
	for !serialRan.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !serialRan.Load() {
		t.Fatal("the serial program did not run once the other was done")
	}
}
