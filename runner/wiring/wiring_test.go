package wiring_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/python"
	"bingfa/runner/wiring"
	"bingfa/runner/yaegi"
)

func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	os.Exit(m.Run())
}

const hello = "# Hello\n\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n\n```output\nhi\n```\n"

// TestModes checks which engines each mode routes a block to that yaegi
// may run. Nothing is run.
func TestModes(t *testing.T) {
	l, err := lesson.Parse("hello.md", []byte(hello))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	p, err := check.Program(l, b)
	if err != nil {
		t.Fatal(err)
	}
	for mode, want := range map[string]string{"": "yaegi", "auto": "yaegi", "compiled": "compiled", "yaegi": "yaegi", "both": "compiled+yaegi"} {
		set, err := wiring.New(mode, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		set.Warm()
		if set.Yaegi != nil {
			if err := set.Yaegi.WaitReady(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		var names []string
		for _, e := range set.Router.Route(b, p).Engines {
			names = append(names, e.Name())
		}
		if got := strings.Join(names, "+"); got != want {
			t.Errorf("mode %q: engines %s, want %s", mode, got, want)
		}
		if (set.Yaegi == nil) != (mode == "compiled") {
			t.Errorf("mode %q: yaegi engine %v", mode, set.Yaegi)
		}
		set.Close()
	}
	if _, err := wiring.New("fast", t.TempDir()); err == nil {
		t.Error("mode fast accepted")
	}
}

// TestCachedRunsCompiled checks that in mode auto a block whose binary is
// already in the cache runs compiled, and that an engine= option on the
// block still wins.
func TestCachedRunsCompiled(t *testing.T) {
	l, err := lesson.Parse("hello.md", []byte(hello))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	p, err := check.Program(l, b)
	if err != nil {
		t.Fatal(err)
	}
	set, err := wiring.New(wiring.Auto, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	if err := set.Yaegi.WaitReady(t.Context()); err != nil {
		t.Fatal(err)
	}
	if r := set.Router.Route(b, p); r.Engines[0].Name() != "yaegi" {
		t.Fatalf("before any build: %s (%s), want yaegi", r.Engines[0].Name(), r.Why)
	}
	if err := set.Compiled.Build(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if r := set.Router.Route(b, p); r.Engines[0].Name() != "compiled" || r.Why.Reason != "already built" {
		t.Errorf("once built: %s (%s), want compiled, already built", r.Engines[0].Name(), r.Why)
	}
	b.Opts.Engine = lesson.EngineYaegi
	if r := set.Router.Route(b, p); r.Engines[0].Name() != "yaegi" {
		t.Errorf("engine=yaegi on the block: %s (%s)", r.Engines[0].Name(), r.Why)
	}
}

const pythonLesson = "# Python\n\n```python run\nprint('hi')\n```\n\n```output\nhi\n```\n"

// TestRoutePython checks that a python run block goes to the Python
// engine in every mode, or is skipped with the reason where there is no
// interpreter, while a go block goes on to the next router. Nothing is
// run.
func TestRoutePython(t *testing.T) {
	l, err := lesson.Parse("python.md", []byte(pythonLesson+"\n"+hello))
	if err != nil {
		t.Fatal(err)
	}
	py, gb := l.Blocks[0], l.Blocks[1]
	pp, err := check.Program(l, py)
	if err != nil {
		t.Fatal(err)
	}
	gp, err := check.Program(l, gb)
	if err != nil {
		t.Fatal(err)
	}
	if pp.Lang != lesson.LangPython || gp.Lang != "" {
		t.Fatalf("program languages %q and %q", pp.Lang, gp.Lang)
	}
	for _, mode := range []string{"auto", "compiled", "both"} {
		set, err := wiring.New(mode, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if r := set.Router.Route(gb, gp); len(r.Engines) == 0 || r.Engines[0].Name() == "python" || r.Skip {
			t.Errorf("mode %s: the go block routed to %v (skip %v)", mode, r.Engines, r.Skip)
		}
		r := set.Router.Route(py, pp)
		_, missing := set.Python.Find()
		switch {
		case missing == nil && (r.Skip || len(r.Engines) != 1 || r.Engines[0].Name() != "python"):
			t.Errorf("mode %s: the python block routed to %v (skip %v, %s)", mode, r.Engines, r.Skip, r.Why)
		case missing != nil && !r.Skip:
			t.Errorf("mode %s: no Python (%v), yet the block is not skipped", mode, missing)
		}
		set.Close()
	}
	set, err := wiring.New(wiring.Compiled, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	router := wiring.RoutePython(python.New("bingfa-no-such-python3"), set.Router)
	r := router.Route(py, pp)
	if !r.Skip || len(r.Engines) != 0 || !strings.Contains(r.Why.Reason, "no Python interpreter: no bingfa-no-such-python3 in PATH") {
		t.Errorf("without Python: %+v", r)
	}
}
