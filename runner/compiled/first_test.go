package compiled

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
)

// TestFirstBuildsTakeTurns runs a program in each of two engines that
// share a cache directory, while the go build of the first (the go
// command of testdata/go) is held: the other engine's first build must
// not start before it ends, since it would compile the same standard
// packages into an empty GOCACHE at the same time. Later builds do not
// take turns: the second engine builds while the first one's second build
// is held.
func TestFirstBuildsTakeTurns(t *testing.T) {
	dir := goWrapper(t)
	cache := t.TempDir()
	engines := []*Engine{New(cache), New(cache)}
	for _, e := range engines {
		defer e.Close()
		e.goCmd, _ = filepath.Abs("testdata/go")
	}
	run := func(e *Engine, name string) <-chan *engine.Outcome {
		ran := make(chan *engine.Outcome, 1)
		p := program(name, strings.Replace(hello, "hello", name, 1))
		go func() { ran <- e.Run(context.Background(), p, nil) }()
		return ran
	}
	outputs := func(name string, ran <-chan *engine.Outcome) {
		t.Helper()
		if o := <-ran; o.Err != nil || o.Text(engine.Output) != name+"\n" {
			t.Errorf("run of %s: err %v, output %q", name, o.Err, o.Text(engine.Output))
		}
	}

	hold(t, dir, "f1")
	ran1 := run(engines[0], "f1")
	waitLog(t, dir, "start f1")
	ran2 := run(engines[1], "f2")
	// The second engine's build would start at once without the lock:
	// give it a few seconds to (it must not), then let the first go on.
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if slices.Contains(readLog(t, dir), "start f2") {
			break
		}
	}
	release(t, dir, "f1")
	outputs("f1", ran1)
	outputs("f2", ran2)
	log := readLog(t, dir)
	if slices.Index(log, "start f2") < slices.Index(log, "end f1") {
		t.Errorf("the second engine's first build started while the first engine's was under way:\n%s", strings.Join(log, "\n"))
	}

	hold(t, dir, "f3")
	ran3 := run(engines[0], "f3")
	waitLog(t, dir, "start f3")
	outputs("f4", run(engines[1], "f4")) // while f3's build is held
	release(t, dir, "f3")
	outputs("f3", ran3)
}
