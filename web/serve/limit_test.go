package serve

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestLimit checks that runs beyond the programs running at once wait in
// the queue (and are told so), and that runs beyond the queue are
// refused with 429 Too Many Requests.
func TestLimit(t *testing.T) {
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
	ts := newTestServer(t, Config{Running: 1, Queued: 1, StartTTL: time.Millisecond})
	if status, _ := ts.post(t, "hello", code(t, "hello")); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	waitAdmitted(ts.s, 0)
}

// TestSerial checks that a serial run waits for every running program and
// runs alone.
func TestSerial(t *testing.T) {
	ctx := context.Background()
	l := newLimiter(2, 2)
	done1, err := l.start(ctx, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	waited := make(chan bool, 1)
	started := make(chan func())
	go func() {
		done, _ := l.start(ctx, true, func() { waited <- true })
		started <- done
	}()
	<-waited // the serial run waits for the running one
	select {
	case <-started:
		t.Fatal("a serial run started while another program ran")
	default:
	}
	done1()
	doneSerial := <-started
	alone := make(chan bool, 1)
	go func() {
		done, _ := l.start(ctx, false, func() { alone <- true })
		done()
		alone <- false
	}()
	if !<-alone {
		t.Fatal("a program started while a serial one ran")
	}
	doneSerial()
	if <-alone {
		t.Fatal("waited twice")
	}
}

// TestStartCancelled checks that a run stopped while it waits gives its
// places back.
func TestStartCancelled(t *testing.T) {
	l := newLimiter(1, 1)
	done, _ := l.start(context.Background(), false, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.start(ctx, true, nil); err == nil {
		t.Fatal("a cancelled serial run started")
	}
	done()
	if len(l.slots) != 0 {
		t.Fatalf("%d places held after every run ended", len(l.slots))
	}
}
