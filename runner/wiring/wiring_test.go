package wiring_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
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
