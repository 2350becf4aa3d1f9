package serve

import (
	"net/http"
	"testing"
	"time"
)

// TestLimit checks that runs beyond the programs running at once wait in
// the queue (and are told so), and that runs beyond the queue are
// refused with 429 Too Many Requests.
func TestLimit(t *testing.T) {
	t.Parallel() // its own server and its limits
	ts := newTestServer(t, Config{Running: 1, Queued: 1})
	forever := code(t, "forever")
	status, first := ts.post(t, "forever", forever)
	if status != http.StatusOK {
		t.Fatalf("first run: status %d", status)
	}
	status, second := ts.post(t, "hello", code(t, "hello"))
	if status != http.StatusOK {
		t.Fatalf("second run (queued): status %d", status)
	}
	if status, _ := ts.post(t, "hello", code(t, "hello")); status != http.StatusTooManyRequests {
		t.Fatalf("third run: status %d, want 429", status)
	}
	ch1, close1 := ts.stream(t, first)
	defer close1()
	waitPids(t, ch1) // the first program runs
	ch2, close2 := ts.stream(t, second)
	defer close2()
	if ev := <-ch2; ev.name != "queued" {
		t.Fatalf("second run: first event %q, want queued", ev.name)
	}
	close1() // the page of the first run goes away: it is stopped
	var evs []sseEvent
	for ev := range ch2 {
		evs = append(evs, ev)
	}
	if d := done(t, evs); d.Status != "pass" {
		t.Errorf("second run after the first stopped: %s", d.Status)
	}
	waitAdmitted(ts.s, 0)
	if status, _ := ts.post(t, "hello", code(t, "hello")); status != http.StatusOK {
		t.Errorf("a run after the others ended: status %d", status)
	}
}

// TestAbandoned checks that a run whose page never opens its event
// stream gives its place back.
func TestAbandoned(t *testing.T) {
	t.Parallel() // its own server and its limits
	ts := newTestServer(t, Config{Running: 1, Queued: 1, StartTTL: time.Millisecond})
	if status, _ := ts.post(t, "hello", code(t, "hello")); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	waitAdmitted(ts.s, 0)
}
