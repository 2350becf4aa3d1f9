package check

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// fakeEngine prints out, and tells ran (when not nil) its name when it
// runs a program. It takes took to run one (the bubble's time) and says
// that the program ran for elapsed and used cpu, and was built in build. It builds nothing and has
// nothing in its cache.
type fakeEngine struct {
	name, out          string
	ran                chan<- string
	took, elapsed, cpu time.Duration
	build              time.Duration // Outcome.Build
}

func (e fakeEngine) Name() string { return e.name }

func (e fakeEngine) Run(_ context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	if e.ran != nil {
		e.ran <- e.name
	}
	time.Sleep(e.took)
	ev := engine.Event{Stream: engine.Stdout, Data: []byte(e.out)}
	emit(ev)
	return &engine.Outcome{Engine: e.name, Events: []engine.Event{ev}, Elapsed: e.elapsed, CPU: e.cpu, Build: e.build}
}

func (e fakeEngine) Build(context.Context, *engine.Program) error { return nil }
func (e fakeEngine) Cached(*engine.Program) bool                  { return false }

// planningRouter routes Go programs to its Go engine and others to its
// Python engine; preloading what routing Go programs needs takes until
// preloaded is closed.
type planningRouter struct {
	goEngine, py fakeEngine
	preloaded    chan struct{}
}

func (r planningRouter) Route(_ *lesson.Block, p *engine.Program) Route {
	if p.Lang != "" {
		return Route{Engines: []engine.Engine{r.py}}
	}
	return Route{Engines: []engine.Engine{r.goEngine}}
}

func (r planningRouter) Preload(context.Context, []*engine.Program) { <-r.preloaded }

var _ Preloader = planningRouter{} // else Check would not wait for it

// TestScriptsStartWhilePlanning: a Python program starts while Check is
// still planning the builds of the Go programs (routing them may first ask
// go list for type information): it is not built, and it is routed
// without them. A Go program that is not built yet waits for the plan.
func TestScriptsStartWhilePlanning(t *testing.T) { synctest.Test(t, testScriptsStartWhilePlanning) }

func testScriptsStartWhilePlanning(t *testing.T) {
	const src = "# t\n\n```go\npackage main\n\nfunc main() { println(\"go\") }\n```\n\n```output\ngo\n```\n\n" +
		"```python run\nprint(\"py\")\n```\n\n```output\npy\n```\n"
	l, err := lesson.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ran := make(chan string, 2)
	r := planningRouter{goEngine: fakeEngine{name: "compiled", out: "go\n", ran: ran},
		py:        fakeEngine{name: "python", out: "py\n", ran: ran},
		preloaded: make(chan struct{})}
	c := New(Config{Router: r, Builder: r.goEngine})
	done := make(chan *Report)
	go func() { done <- c.Check(context.Background(), []*lesson.Lesson{l}) }()
	synctest.Wait()
	if len(ran) != 1 || <-ran != "python" {
		t.Error("while Check planned the builds, the Python program did not run, or the Go program ran")
	}
	close(r.preloaded)
	rep := <-done
	for _, res := range rep.Results {
		if res.Status != verdict.Pass {
			t.Errorf("%s: %s, want pass: %v", res.Block.Name, res.Status, res.Problems)
		}
	}
}

// TestLearnHeldSlot: the history learns how long a program held its slot
// (the engine's whole run: the program's own time, and starting the
// sandbox, a test's build or reading a trace), and counts a build within
// that time as processor time (a build before it, no more than the time
// the run held its slot beyond the program's own).
func TestLearnHeldSlot(t *testing.T) { synctest.Test(t, testLearnHeldSlot) }

func testLearnHeldSlot(t *testing.T) {
	l, err := lesson.Parse("t.md", []byte("# t\n\n```go name=b\npackage main\n\nfunc main() {}\n```\n\n```output\ngo\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	for _, tc := range []struct {
		name                      string
		took, elapsed, cpu, build time.Duration
		want                      Cost
	}{
		{"cached", ms(70), ms(50), ms(10), 0, Cost{Wall: ms(70), CPU: ms(10)}},
		{"built in the run", ms(700), ms(50), ms(10), ms(640), Cost{Wall: ms(700), CPU: ms(650)}},
		{"built before", ms(70), ms(50), ms(10), ms(3000), Cost{Wall: ms(70), CPU: ms(30)}},
	} {
		e := fakeEngine{name: "compiled", out: "go\n", took: tc.took, elapsed: tc.elapsed, cpu: tc.cpu, build: tc.build}
		h := OpenHistory(t.TempDir() + "/history.json")
		rep := New(Config{Router: Only(e), Builder: e, History: h}).Check(context.Background(), []*lesson.Lesson{l})
		if s := rep.Results[0].Status; s != verdict.Pass {
			t.Fatalf("%s: %s, want pass", tc.name, s)
		}
		if got := h.Expect(historyKey("t/b", "compiled")); got != tc.want {
			t.Errorf("%s: learnt %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestLongestFirst: Check sets under way first the blocks that ran
// longest last time, by any engine, the others in their order.
func TestLongestFirst(t *testing.T) {
	const src = "# t\n\n```go name=a\npackage main\n\nfunc main() {}\n```\n\n```go name=b\npackage main\n\nfunc main() {}\n```\n\n" +
		"```python run name=c\nprint()\n```\n\n```go name=d\npackage main\n\nfunc main() {}\n```\n\n```go name=e\npackage main\n\nfunc main() {}\n```\n"
	l, err := lesson.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	h := OpenHistory(t.TempDir() + "/history.json")
	h.Record("t/b@compiled", Cost{Wall: time.Second})
	h.Record("t/c@python", Cost{Wall: 5 * time.Second})
	h.Record("t/e@yaegi", Cost{Wall: time.Second})
	c := New(Config{History: h})
	var got []string
	for _, lb := range c.longestFirst(roundRobin(c, []*lesson.Lesson{l})) {
		got = append(got, lb.b.Name)
	}
	if want := []string{"c", "b", "e", "a", "d"}; !slices.Equal(got, want) {
		t.Errorf("set under way in the order %v, want %v", got, want)
	}
}
