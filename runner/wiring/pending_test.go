package wiring

import (
	"errors"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/engine/enginetest"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
)

// fakeInterp is an interpreter whose readiness the test sets.
type fakeInterp struct {
	ready    bool
	failed   error
	prepared int
}

func (f *fakeInterp) Ready() bool   { return f.ready }
func (f *fakeInterp) Prepare()      { f.prepared++ }
func (f *fakeInterp) Failed() error { return f.failed }

// TestPending checks that in mode auto a block for the interpreter runs
// compiled, and starts the interpreter's preparation, until the
// interpreter is ready (or, once its preparation failed, for good); that
// engine=yaegi on the block waits for it
// instead; and that a block the router compiles anyway starts nothing.
func TestPending(t *testing.T) {
	hello := "# Hello\n\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n\n```output\nhi\n```\n" +
		"\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n}\n```\n"
	l, err := lesson.Parse("hello.md", []byte(hello))
	if err != nil {
		t.Fatal(err)
	}
	r, err := route.New(route.Auto, enginetest.Named("compiled"), enginetest.Named("yaegi"), inproc.New())
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeInterp{}
	rt := routed{r: r, compiled: enginetest.Named("compiled"), interp: f}
	route := func(i int) check.Route {
		p, err := check.Program(l, l.Blocks[i])
		if err != nil {
			t.Fatal(err)
		}
		return rt.Route(l.Blocks[i], p)
	}
	if got := route(1); got.Engines[0].Name() != "compiled" || got.Why.Reason == whyPending || f.prepared != 0 {
		t.Errorf("a compiled block: %s (%s), %d preparations", got.Engines[0].Name(), got.Why.Reason, f.prepared)
	}
	if got := route(0); got.Engines[0].Name() != "compiled" || got.Why.Reason != whyPending || f.prepared != 1 {
		t.Errorf("not ready: %s (%s), %d preparations; want compiled (%s), 1", got.Engines[0].Name(), got.Why.Reason, f.prepared, whyPending)
	}
	l.Blocks[0].Opts.Engine = lesson.EngineYaegi
	if got := route(0); got.Engines[0].Name() != "yaegi" {
		t.Errorf("engine=yaegi, not ready: %s (%s), want yaegi", got.Engines[0].Name(), got.Why.Reason)
	}
	l.Blocks[0].Opts.Engine = lesson.EngineAuto
	f.failed = errors.New("no yaegi in the module cache")
	if got := route(0); got.Engines[0].Name() != "compiled" || got.Why.Reason != whyFailed || f.prepared != 1 {
		t.Errorf("failed: %s (%s), %d preparations; want compiled (%s), 1", got.Engines[0].Name(), got.Why.Reason, f.prepared, whyFailed)
	}
	f.failed = nil
	f.ready = true
	if got := route(0); got.Engines[0].Name() != "yaegi" || got.Why.Reason != "passed the static check" {
		t.Errorf("ready: %s (%s), want yaegi", got.Engines[0].Name(), got.Why.Reason)
	}
}
