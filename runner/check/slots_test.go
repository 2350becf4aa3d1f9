package check

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// The tests of slots run in a synctest bubble: its clock advances only
// when every goroutine of the bubble waits, so polls and settles take no
// real time, and once quiet returns, every program that can start has
// started. What has not happened then cannot happen without more time.

// quiet lets the bubble's clock run for a second (a thousand polls of
// fastSlots, ten settles of the default) and waits until every goroutine
// of the bubble is blocked.
func quiet() {
	time.Sleep(time.Second)
	synctest.Wait()
}

// occupy has programs that cost c take a slot each, all asking at once,
// and hold it until hold is closed. Once the bubble is quiet, it returns
// how many held a slot at the same time at most.
func occupy(s *slots, c []Cost) (most int, hold chan struct{}, done *sync.WaitGroup) {
	hold = make(chan struct{})
	done = &sync.WaitGroup{}
	var now, peak atomic.Int32
	for _, c := range c {
		done.Go(func() {
			release := s.acquire(context.Background(), false, c, false, nil)
			cur := now.Add(1)
			for p := peak.Load(); cur > p && !peak.CompareAndSwap(p, cur); p = peak.Load() {
			}
			<-hold
			now.Add(-1)
			release()
		})
	}
	quiet()
	return int(peak.Load()), hold, done
}

// costs returns n copies of c.
func costs(n int, c Cost) []Cost { return slices.Repeat([]Cost{c}, n) }

// sleeper is a program that mostly sleeps; unknown is one never run.
var (
	sleeper = Cost{Wall: time.Second, CPU: 10 * time.Millisecond}
	spinner = Cost{Wall: time.Second, CPU: 1500 * time.Millisecond}
	unknown = Cost{}
)

func fastSlots(base int, idle func() float64) *slots {
	s := newSlots(base, idle)
	s.settle, s.poll = time.Millisecond, time.Millisecond
	return s
}

func TestSlotsBusyMachine(t *testing.T) {
	for name, idle := range map[string]func() float64{"no meter": nil, "half a CPU idle": func() float64 { return 0.5 }} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := fastSlots(2, idle)
				most, hold, done := occupy(s, costs(5, unknown))
				if most != 2 {
					t.Errorf("%d programs never run before ran at once, want 2", most)
				}
				close(hold)
				done.Wait()
			})
		})
	}
}

// TestSlotsOwnShare: on a busy machine (no CPU idle), programs start
// beyond base while the CPUs they are expected to need are not claimed by
// those running, up to max: programs that sleep run beside each other,
// programs never run before do not (TestSlotsBusyMachine).
func TestSlotsOwnShare(t *testing.T) {
	half := Cost{Wall: time.Second, CPU: 500 * time.Millisecond}
	for _, tc := range []struct {
		name string
		cost Cost
		want int
	}{{"sleepers", sleeper, 2 * slotFactor}, {"half a CPU each", half, 4}, {"spinners", spinner, 2}} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := fastSlots(2, func() float64 { return 0 })
				most, hold, done := occupy(s, costs(20, tc.cost))
				if most != tc.want {
					t.Errorf("%d programs ran at once, want %d", most, tc.want)
				}
				close(hold)
				done.Wait()
			})
		})
	}
}

// TestSlotsOwnShareInTurn: on a busy machine, a program that needs more
// of the check's CPUs than are unclaimed waits, and the programs behind it
// wait too, even those that would fit: it starts first once enough are
// released.
func TestSlotsOwnShareInTurn(t *testing.T) { synctest.Test(t, testSlotsOwnShareInTurn) }

func testSlotsOwnShareInTurn(t *testing.T) {
	s := fastSlots(2, func() float64 { return 0 })
	half := Cost{Wall: time.Second, CPU: 500 * time.Millisecond}
	var releases []func()
	for range 3 { // claim 1.5 of 2 CPUs
		releases = append(releases, s.acquire(context.Background(), false, half, false, nil))
	}
	started := make(chan string, 4)
	var wg sync.WaitGroup
	for i, c := range []struct {
		name string
		cost Cost
	}{{"busy", Cost{Wall: 2 * time.Second, CPU: 2 * time.Second}}, {"sleeper", sleeper}, {"sleeper", sleeper}} {
		wg.Go(func() {
			r := s.acquire(context.Background(), false, c.cost, false, nil)
			started <- c.name
			r()
		})
		wantWaiting(t, s, i+1) // one after another
	}
	wantRunning(t, s, 3)
	releases[0]()
	if first := <-started; first != "busy" {
		t.Errorf("%s started first, want the program that needs a whole CPU", first)
	}
	for _, r := range releases[1:] {
		r()
	}
	wg.Wait()
}

func TestSlotsIdleMachine(t *testing.T) { synctest.Test(t, testSlotsIdleMachine) }

func testSlotsIdleMachine(t *testing.T) {
	s := fastSlots(2, func() float64 { return 2 })
	most, hold, done := occupy(s, costs(10, unknown))
	if most != 10 {
		t.Errorf("%d programs ran at once on an idle machine, want all 10", most)
	}
	close(hold)
	done.Wait()
	s = fastSlots(1, func() float64 { return 2 })
	most, hold, done = occupy(s, costs(20, sleeper))
	if most != slotFactor {
		t.Errorf("%d programs ran at once, want at most %d", most, slotFactor)
	}
	close(hold)
	done.Wait()
}

// TestSlotsYoung: beyond base, a program started too recently to show in
// the idle CPUs counts with what it is expected to need, so that programs
// never run before start one a settle apart on one idle CPU (the first
// as the base slot's), and programs that mostly sleep start together.
func TestSlotsYoung(t *testing.T) { synctest.Test(t, testSlotsYoung) }

func testSlotsYoung(t *testing.T) {
	clock := time.Unix(1000, 0)
	var mu sync.Mutex
	stopped := func(base int) *slots {
		s := newSlots(base, func() float64 { return 1 })
		s.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		s.poll = time.Millisecond
		return s
	}
	tick := func(d time.Duration) {
		mu.Lock()
		clock = clock.Add(d)
		mu.Unlock()
	}
	s := stopped(1)
	most, hold, done := occupy(s, costs(4, unknown))
	if most != 1 {
		t.Errorf("%d programs never run before ran at once with the clock stopped and one CPU idle, want 1", most)
	}
	tick(s.settle)
	wantRunning(t, s, 2)
	tick(s.settle)
	wantRunning(t, s, 3)
	close(hold)
	done.Wait()

	s = stopped(1)
	most, hold, done = occupy(s, costs(6, sleeper))
	if most != 6 {
		t.Errorf("%d sleeping programs ran at once with one CPU idle, want all 6", most)
	}
	close(hold)
	done.Wait()
}

// TestSlotsBackfill: beyond base, a program that fits in the idle CPUs
// starts before one that asked first, or is expected to run longer, but
// does not fit.
func TestSlotsBackfill(t *testing.T) { synctest.Test(t, testSlotsBackfill) }

func testSlotsBackfill(t *testing.T) {
	s := fastSlots(1, func() float64 { return 1 })
	release := s.acquire(context.Background(), false, unknown, false, nil)
	long := Cost{Wall: time.Hour, CPU: 2 * time.Hour}
	started := make(chan string, 2)
	var wg sync.WaitGroup
	wg.Go(func() {
		r := s.acquire(context.Background(), false, long, false, nil)
		started <- "spinner"
		r()
	})
	wantWaiting(t, s, 1)
	wg.Go(func() {
		r := s.acquire(context.Background(), false, sleeper, false, nil)
		started <- "sleeper"
		r()
	})
	if first := <-started; first != "sleeper" {
		t.Errorf("%s started first, want the sleeper (the spinner needs 2 CPUs, 1 is idle)", first)
	}
	release()
	wg.Wait()
}

// wantRunning lets the bubble run until it is quiet, then checks that n
// programs run.
func wantRunning(t *testing.T, s *slots, n int) {
	t.Helper()
	wantQuiet(t, s, func() int { return s.running }, "programs run", n)
}

// wantWaiting lets the bubble run until it is quiet, then checks that n
// programs wait for a slot.
func wantWaiting(t *testing.T, s *slots, n int) {
	t.Helper()
	wantQuiet(t, s, func() int { return len(s.waiting) }, "programs wait", n)
}

func wantQuiet(t *testing.T, s *slots, count func() int, what string, want int) {
	t.Helper()
	quiet()
	s.mu.Lock()
	n := count()
	s.mu.Unlock()
	if n != want {
		t.Errorf("%d %s, want %d", n, what, want) // not Fatal: the test goes on to end its programs
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
			synctest.Test(t, func(t *testing.T) {
				if got := startOrder(t, tc.expect); !slices.Equal(got, tc.want) {
					t.Errorf("programs started in the order %v, want %v", got, tc.want)
				}
			})
		})
	}
}

// startOrder has programs expected to run for expect ask for a slot, one
// after another, while the only slot is taken, and returns the order in
// which they start once it is free.
func startOrder(t *testing.T, expect []time.Duration) []int {
	s := fastSlots(1, nil)
	release := s.acquire(context.Background(), false, unknown, false, nil)
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i, d := range expect {
		wg.Go(func() {
			r := s.acquire(context.Background(), false, Cost{Wall: d, CPU: d}, false, nil)
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			r()
		})
		wantWaiting(t, s, i+1)
	}
	release()
	wg.Wait()
	return order
}

// TestSlotsSerialAlone: a serial program asked for while another runs is
// told it waits, and gets its slot once the other is done, not before.
// (It waits on a lock, which a synctest bubble cannot see as waiting: the
// test follows it by what it is told.)
func TestSlotsSerialAlone(t *testing.T) {
	s := fastSlots(2, func() float64 { return 2 })
	release := s.acquire(context.Background(), false, sleeper, false, nil)
	var released atomic.Bool
	told := make(chan struct{}, 1)
	ran := make(chan bool, 1) // whether the other was done when it ran
	go func() {
		r := s.acquire(context.Background(), true, unknown, false, func() { told <- struct{}{} })
		ran <- released.Load()
		r()
	}()
	select {
	case <-told:
	case <-ran:
		t.Fatal("a serial program ran beside another one, without waiting")
	}
	released.Store(true)
	release()
	if !<-ran {
		t.Fatal("a serial program ran beside another one")
	}
}

// TestSlotsReaderFirst: a reader's program (Checker.Run) that asks for a
// slot after background programs starts before them, even one expected
// to run longer.
func TestSlotsReaderFirst(t *testing.T) { synctest.Test(t, testSlotsReaderFirst) }

func testSlotsReaderFirst(t *testing.T) {
	s := fastSlots(1, nil)
	release := s.acquire(context.Background(), false, unknown, false, nil)
	started := make(chan string, 3)
	var wg sync.WaitGroup
	for i, c := range []struct {
		name  string
		cost  Cost
		first bool
	}{{"background", Cost{Wall: time.Hour}, false}, {"background", unknown, false}, {"reader", unknown, true}} {
		wg.Go(func() {
			r := s.acquire(context.Background(), false, c.cost, c.first, nil)
			started <- c.name
			r()
		})
		wantWaiting(t, s, i+1)
	}
	release()
	if first := <-started; first != "reader" {
		t.Errorf("%s started first, want the reader's run", first)
	}
	wg.Wait()
}

// TestSlotsWaiting: a program that has to wait for a slot is told so
// before it waits, a serial one too (until nothing else runs); one that
// gets its slot at once is not.
func TestSlotsWaiting(t *testing.T) {
	s := fastSlots(1, nil)
	told := make(chan string, 3)
	release := s.acquire(context.Background(), false, unknown, false, func() { told <- "first" })
	var wg sync.WaitGroup
	for _, serial := range []bool{false, true} {
		name := map[bool]string{false: "second", true: "serial"}[serial]
		wg.Go(func() {
			s.acquire(context.Background(), serial, unknown, false, func() { told <- name })()
		})
		if got := <-told; got != name {
			t.Fatalf("%s was told it waits, want %s", got, name)
		}
	}
	release()
	wg.Wait()
	if len(told) > 0 {
		t.Errorf("%s was told it waits", <-told)
	}
}

// TestSlotsCancelled: a program whose context ends while it waits gives
// up its turn without a slot; the others keep theirs.
func TestSlotsCancelled(t *testing.T) { synctest.Test(t, testSlotsCancelled) }

func testSlotsCancelled(t *testing.T) {
	s := fastSlots(1, nil)
	release := s.acquire(context.Background(), false, unknown, false, nil)
	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan func())
	go func() { gaveUp <- s.acquire(ctx, false, unknown, false, nil) }()
	wantWaiting(t, s, 1)
	cancel()
	(<-gaveUp)()
	wantWaiting(t, s, 0)
	release()
	s.acquire(context.Background(), true, unknown, false, nil)() // nothing holds a slot
	if s.running != 0 {
		t.Errorf("%d programs run after every one ended", s.running)
	}
}
