package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"
)

// Load test sizes: run requests fired at once, and clients that keep an
// event stream open meanwhile.
const (
	loadRuns     = 200
	loadWatchers = 50
)

// TestLoad fires 200 concurrent run requests and holds 50 streaming
// clients open at a server that runs 2 programs at once and queues 48:
// every request gets an answer (a run that ends with a verdict, or 429),
// the heap stays bounded, and nothing is left running afterwards. It is
// not parallel: what it counts afterwards (heap, goroutines, child
// processes) is the whole test binary's, which other tests' runs and
// pages would add to.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	ts := newTestServer(t, Config{Running: 2, Queued: 48})
	hello := code(t, "hello")
	ts.run(t, "hello", hello) // build it once: the load is on the server, not the compiler

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	stopWatchers := watchers(ctx, ts, loadWatchers)
	var (
		mu      sync.Mutex
		answers = map[string]int{}
		errs    []error
		wg      sync.WaitGroup
	)
	for range loadRuns {
		wg.Go(func() {
			answer, err := loadRun(ctx, ts, hello)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			answers[answer]++
		})
	}
	wg.Wait()
	stopWatchers()
	for _, err := range errs {
		t.Error(err)
	}
	t.Logf("answers: %v", answers)
	if answers["pass"] == 0 || answers["pass"]+answers["429"] != loadRuns {
		t.Errorf("answers %v: want every one of %d requests to pass or be refused with 429", answers, loadRuns)
	}
	waitAdmitted(ts.s, 0)
	checkBounded(t)
	if ps := ownProcesses(); len(ps) > 0 {
		t.Errorf("processes left after the load: %+v", ps)
	}
}

// loadRun posts a run and, when admitted, reads its event stream to the
// end. It returns the verdict, or "429".
func loadRun(ctx context.Context, ts *testServer, src string) (string, error) {
	body, _ := json.Marshal(runRequest{Lesson: "live", Block: "hello", Code: &src})
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/run", bytes.NewReader(body))
	resp, err := ts.Client().Do(req)
	if err != nil {
		return "", err
	}
	var rep runReply
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return "429", nil
	case resp.StatusCode != http.StatusOK || err != nil:
		return "", fmt.Errorf("run request: %s %v", resp.Status, err)
	}
	return loadStream(ctx, ts, rep)
}

// loadStream reads a run's events and returns the verdict of its done
// event.
func loadStream(ctx context.Context, ts *testServer, rep runReply) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+rep.Events, nil)
	resp, err := ts.Client().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("events: %s", resp.Status)
	}
	ch := make(chan sseEvent, 16)
	go func() {
		defer close(ch)
		readEvents(resp.Body, ch)
	}()
	var last sseEvent
	for ev := range ch {
		last = ev
	}
	if last.name != "done" {
		return "", fmt.Errorf("stream ended with %q, not done", last.name)
	}
	var d doneEvent
	if err := json.Unmarshal([]byte(last.data), &d); err != nil {
		return "", err
	}
	return d.Status, nil
}

// watchers opens n reload streams and returns the function that closes
// them.
func watchers(ctx context.Context, ts *testServer, n int) func() {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/watch", nil)
			resp, err := ts.Client().Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			<-ctx.Done()
		})
	}
	return func() { cancel(); wg.Wait() }
}

// maxHeap bounds the heap after the load: far above what the server
// needs, far below what a leak of every run's output and goroutines
// would reach.
const maxHeap = 256 << 20

func checkBounded(t *testing.T) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapInuse > maxHeap {
		t.Errorf("heap in use after the load: %d MiB", m.HeapInuse>>20)
	}
	if n := runtime.NumGoroutine(); n > 200 {
		t.Errorf("%d goroutines after the load", n)
	}
}
