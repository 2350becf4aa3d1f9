package check

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// stoppingEngine is a fakeEngine whose runs end with err, as a run the
// engine stopped.
type stoppingEngine struct {
	fakeEngine
	err error
}

func (e stoppingEngine) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	o := e.fakeEngine.Run(ctx, p, emit)
	o.Err, o.Exit = e.err, -1
	return o
}

// TestLearnStopped: the history learns what a run stopped at its time
// limit cost, as it would hold its slot as long next time, but not a run
// stopped for any other reason (cancelled, the engine broken), whose time
// says nothing of the program's.
func TestLearnStopped(t *testing.T) { synctest.Test(t, testLearnStopped) }

func testLearnStopped(t *testing.T) {
	l, err := lesson.Parse("t.md", []byte("# t\n\n```go name=b\npackage main\n\nfunc main() {}\n```\n\n```output\ngo\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind engine.Kind
		want Cost
	}{
		{engine.Timeout, Cost{Wall: 5 * time.Second, CPU: time.Millisecond}},
		{engine.Canceled, Cost{}},
		{engine.Broken, Cost{}},
	} {
		fe := fakeEngine{name: "compiled", out: "go\n", took: 5 * time.Second, elapsed: 5 * time.Second, cpu: time.Millisecond}
		e := stoppingEngine{fe, engine.Failuref(tc.kind, "stopped")}
		h := OpenHistory(t.TempDir() + "/history.json")
		rep := New(Config{Router: Only(e), Builder: fe, History: h}).Check(context.Background(), []*lesson.Lesson{l})
		if s := rep.Results[0].Status; s == verdict.Pass {
			t.Fatalf("kind %d: a stopped run passes", tc.kind)
		}
		if got := h.Expect(historyKey("t/b", "compiled")); got != tc.want {
			t.Errorf("kind %d: learnt %+v, want %+v", tc.kind, got, tc.want)
		}
	}
}
