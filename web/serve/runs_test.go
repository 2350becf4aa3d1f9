package serve

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// The run table's tests run in a synctest bubble: the table's time to
// live passes on the bubble's clock, and what a test finds once the
// bubble is quiet (synctest.Wait) is all that can have happened by then.

// TestRunTableLimit: runs beyond those running and queued are refused;
// a run that ends gives its place back.
func TestRunTableLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tab := newRunTable(newLimiter(1, 1), time.Minute)
		first, second := &run{}, &run{}
		if err := tab.add(first); err != nil {
			t.Fatal(err)
		}
		if err := tab.add(second); err != nil {
			t.Fatal(err)
		}
		if err := tab.add(&run{}); !errors.Is(err, errQueueFull) {
			t.Fatalf("a third run: %v, want %v", err, errQueueFull)
		}
		tab.remove(first)
		tab.remove(first) // twice gives back one place
		if err := tab.add(&run{}); err != nil {
			t.Errorf("a run after one ended: %v", err)
		}
		if err := tab.add(&run{}); !errors.Is(err, errQueueFull) {
			t.Errorf("a run beyond the places: %v, want %v", err, errQueueFull)
		}
	})
}

// TestRunTableAbandoned: a run whose event stream is not opened within
// the time to live is dropped and gives its place back, not a moment
// before; a run that started stays.
func TestRunTableAbandoned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const ttl = 5 * time.Second
		lim := newLimiter(2, 0)
		tab := newRunTable(lim, ttl)
		abandoned, started := &run{}, &run{}
		for _, r := range []*run{abandoned, started} {
			if err := tab.add(r); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(ttl - time.Nanosecond)
		synctest.Wait()
		if n := admitted(lim); n != 2 {
			t.Fatalf("%d runs admitted before the time to live has passed, want 2", n)
		}
		if _, err := tab.attach(started.id, func() {}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if n := admitted(lim); n != 1 {
			t.Errorf("%d runs admitted once the time to live has passed, want the started one", n)
		}
		if _, err := tab.attach(abandoned.id, func() {}); !errors.Is(err, errNoRun) {
			t.Errorf("attaching the abandoned run: %v, want %v", err, errNoRun)
		}
		if _, err := tab.attach(started.id, func() {}); !errors.Is(err, errAttached) {
			t.Errorf("attaching the started run again: %v, want %v", err, errAttached)
		}
	})
}

// TestRunTableStop: a run stopped before it starts is cancelled as soon
// as it starts; one stopped while it runs is cancelled then.
func TestRunTableStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tab := newRunTable(newLimiter(2, 0), time.Minute)
		early, late := &run{}, &run{}
		for _, r := range []*run{early, late} {
			if err := tab.add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := tab.stop(early.id); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		if _, err := tab.attach(early.id, cancel); err != nil {
			t.Fatal(err)
		}
		if ctx.Err() == nil || !early.wasStopped() {
			t.Error("a run stopped before it started runs")
		}
		ctx, cancel = context.WithCancel(context.Background())
		if _, err := tab.attach(late.id, cancel); err != nil {
			t.Fatal(err)
		}
		if ctx.Err() != nil || late.wasStopped() {
			t.Fatal("a run is stopped that nobody stopped")
		}
		if err := tab.stop(late.id); err != nil {
			t.Fatal(err)
		}
		if ctx.Err() == nil {
			t.Error("a running run that was stopped goes on")
		}
		if err := tab.stop("nope"); !errors.Is(err, errNoRun) {
			t.Errorf("stopping no run: %v, want %v", err, errNoRun)
		}
		time.Sleep(time.Minute) // the time to live passes: started runs stay
		synctest.Wait()
		if n := admitted(tab.lim); n != 2 {
			t.Errorf("%d runs admitted after the time to live, want the 2 started", n)
		}
	})
}

// admitted returns the admissions that lim holds.
func admitted(lim *limiter) int {
	lim.mu.Lock()
	defer lim.mu.Unlock()
	return lim.admitted
}
