package check

import (
	"context"
	"testing"
	"testing/synctest"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// fakeEngine prints out at once, and tells ran its name when it runs a
// program. It builds nothing and has nothing in its cache.
type fakeEngine struct {
	name, out string
	ran       chan<- string
}

func (e fakeEngine) Name() string { return e.name }

func (e fakeEngine) Run(_ context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	e.ran <- e.name
	ev := engine.Event{Stream: engine.Stdout, Data: []byte(e.out)}
	emit(ev)
	return &engine.Outcome{Engine: e.name, Events: []engine.Event{ev}}
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

func (r planningRouter) Preload([]*engine.Program) { <-r.preloaded }

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
	r := planningRouter{goEngine: fakeEngine{"compiled", "go\n", ran}, py: fakeEngine{"python", "py\n", ran},
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
