package route_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/engine/enginetest"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
)

// scripted is an engine that returns a fixed outcome and counts its runs.
type scripted struct {
	name string
	out  engine.Outcome
	runs *int
}

func (s scripted) Name() string { return s.name }
func (s scripted) Run(context.Context, *engine.Program, func(engine.Event)) *engine.Outcome {
	*s.runs++
	out := s.out
	return &out
}

// TestFallback checks that a block yaegi fails to run, though routed to
// it, runs again compiled, and that a failing program does not.
func TestFallback(t *testing.T) {
	for _, c := range []struct {
		name      string
		yaegiErr  error
		yaegiExit int
		want      string // engine of the outcome
	}{
		{"broken", engine.Failuref(engine.Broken, "yaegi failed: nil type"), -1, "compiled"},
		{"build error", &engine.BuildError{Diags: []engine.Diag{{Path: "x.md", Line: 3, Msg: "undefined: min"}}}, -1, "compiled"},
		{"timeout", engine.Failuref(engine.Timeout, "timed out after 10s"), -1, "compiled"},
		{"too much output", engine.Failuref(engine.TooMuchOutput, "printed more than 1 MiB"), -1, "yaegi"},
		{"exit 1", nil, 1, "yaegi"},
	} {
		var yRuns, cRuns int
		y := scripted{"yaegi", engine.Outcome{Engine: "yaegi", Exit: c.yaegiExit, Err: c.yaegiErr}, &yRuns}
		comp := scripted{"compiled", engine.Outcome{Engine: "compiled"}, &cRuns}
		r, err := route.New(route.Auto, comp, y, inproc.New())
		if err != nil {
			t.Fatal(err)
		}
		l, err := lesson.Parse("x.md", []byte("# X\n\n```go\npackage main\n\nfunc main() {}\n```\n"))
		if err != nil {
			t.Fatal(err)
		}
		p, _ := check.Program(l, l.Blocks[0])
		rt := r.Route(l.Blocks[0], p)
		out := rt.Engines[0].Run(context.Background(), p, nil)
		if out.Engine != c.want || yRuns != 1 || cRuns != map[string]int{"yaegi": 0, "compiled": 1}[c.want] {
			t.Errorf("%s: outcome from %s after %d yaegi and %d compiled runs, want it from %s", c.name, out.Engine, yRuns, cRuns, c.want)
		}
		if c.want == "compiled" && !strings.HasPrefix(out.Why, "yaegi could not run it: ") {
			t.Errorf("%s: why = %q", c.name, out.Why)
		}
	}
}

// pending is a static check that cannot answer until ready, and counts
// the checks asked of it.
type pending struct {
	ready bool
	calls int
}

func (s *pending) Check(context.Context, []byte) (route.Finding, error) {
	s.calls++
	if !s.ready {
		return route.Finding{}, errors.New("the interpreter is still being built")
	}
	return route.Finding{Yaegi: true, Reason: "passed the static check"}, nil
}

func (s *pending) Preload(context.Context, [][]byte) {}

// TestUnansweredNotRemembered: a block whose static check could not be
// made is compiled, with the check's error as the reason, and the next
// decision asks again; an answer is remembered.
func TestUnansweredNotRemembered(t *testing.T) {
	st := &pending{}
	r, err := route.New(route.Auto, enginetest.Named("compiled"), enginetest.Named("yaegi"), st)
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse("x.md", []byte("# X\n\n```go\npackage main\n\nfunc main() {}\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	p, _ := check.Program(l, b)
	for i, want := range []struct {
		engine, reason string
		calls          int
	}{
		{"compiled", "the interpreter is still being built", 1},
		{"compiled", "the interpreter is still being built", 2},
		{"yaegi", "passed the static check", 3},
		{"yaegi", "passed the static check", 3},
	} {
		if i == 2 {
			st.ready = true
		}
		d := r.Route(b, p)
		if d.Engines[0].Name() != want.engine || d.Reason != want.reason || st.calls != want.calls {
			t.Errorf("decision %d: %s because %q after %d checks, want %s because %q after %d", i, d.Engines[0].Name(), d.Reason, st.calls, want.engine, want.reason, want.calls)
		}
	}
}
