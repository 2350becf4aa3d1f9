package compiled

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// A dispatchCase is one block of testdata/dispatch.txtar.
type dispatchCase struct {
	name, how string
	p         *engine.Program
}

func dispatchCases(t *testing.T) []dispatchCase {
	ar, err := txtar.ParseFile("testdata/dispatch.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	var cases []dispatchCase
	for _, line := range strings.Split(strings.TrimSpace(files["how"]), "\n") {
		name, how, _ := strings.Cut(line, " ")
		src, ok := files[name+".go"]
		if !ok {
			t.Fatalf("no %s.go for %q", name, line)
		}
		p := program(name, src)
		p.Split = true
		p.Args = lines(files[name+".args"])
		p.Env = lines(files[name+".env"])
		p.Argv0 = strings.TrimSpace(files[name+".argv0"])
		p.Stdin = []byte(files[name+".stdin"])
		cases = append(cases, dispatchCase{name, how, p})
	}
	return cases
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// TestDispatchIdentity builds the blocks of testdata/dispatch.txtar into
// a dispatcher and runs each; then builds each alone (the dispatcher off)
// and runs it. Both runs must show the same bytes, what the dispatched
// run emitted must be what it returned, and each run must have ended as
// the file says (dispatched, fallback, alone or broken).
//
// The dispatcher's engine has a fresh cache: its builds are under test.
// The own builds, the reference, come from the shared cache
// (DefaultCacheDir, content-addressed and checked before each use), as a
// reader's would: a warm run does not link twenty programs again; a
// reference that came from a dispatcher there would prove nothing, and
// fails the case.
func TestDispatchIdentity(t *testing.T) {
	t.Parallel()
	cases := dispatchCases(t)
	var ps []*engine.Program
	for _, c := range cases {
		ps = append(ps, c.p)
	}
	disp, own, before := dispatchPair(t, DefaultCacheDir(), ps)
	ctx := context.Background()
	var wg sync.WaitGroup
	for i, c := range cases {
		wg.Go(func() {
			var emitted []engine.Event
			var mu sync.Mutex
			got := disp.Run(ctx, c.p, func(ev engine.Event) {
				mu.Lock()
				defer mu.Unlock()
				emitted = append(emitted, ev)
			})
			want := own.Run(ctx, c.p, nil)
			t.Run(c.name, func(t *testing.T) {
				t.Logf("%s", got.Text(engine.Output))
				if own.dispatched(c.p) {
					t.Errorf("the own build's run came from a dispatcher's binary in %s", DefaultCacheDir())
				}
				if d := outcomeDiff(got, want); d != "" {
					t.Errorf("dispatcher's run and own build's run differ:\n%s", d)
				}
				if !slices.EqualFunc(emitted, got.Events, func(a, b engine.Event) bool { return a.Stream == b.Stream && string(a.Data) == string(b.Data) }) {
					t.Errorf("emitted %d events, the outcome has %d: %q", len(emitted), len(got.Events), got.Text(engine.Output))
				}
				if how := disp.how(c.p, before[i], got); how != c.how {
					t.Errorf("ended up %s, want %s", how, c.how)
				}
			})
		})
	}
	wg.Wait()
}

// dispatchPair returns an engine that builds dispatchers (a fresh
// cache: its builds are under test), having prepared ps, and one that
// builds each program alone, with its cache in ownDir, both closed with
// t; and whether each of ps was built into a dispatcher.
func dispatchPair(t *testing.T, ownDir string, ps []*engine.Program) (disp, own *Engine, dispatched []bool) {
	disp, own = New(t.TempDir()), New(ownDir)
	t.Cleanup(func() { disp.Close(); own.Close() })
	disp.SetDispatch(1)
	own.SetDispatch(0)
	disp.Prepare(context.Background(), ps)
	for _, p := range ps {
		dispatched = append(dispatched, disp.dispatched(p))
	}
	return disp, own, dispatched
}

// dispatched reports whether p's binary in the cache is a dispatcher's.
func (e *Engine) dispatched(p *engine.Program) bool {
	tool, _ := e.cache.tool(e.goCmd)
	en, ok := e.cache.lookup(e.cache.key(tool, buildFlags(p), buildInput(p)))
	return ok && en.dispatched
}

// how says how a run of p ended up: see testdata/dispatch.txtar.
func (e *Engine) how(p *engine.Program, before bool, out *engine.Outcome) string {
	switch _, broken := out.Err.(*engine.BuildError); {
	case broken:
		return "broken"
	case before && e.dispatched(p):
		return "dispatched"
	case before:
		return "fallback"
	}
	return "alone"
}

// outcomeDiff returns how two runs differ in what they show, or "".
func outcomeDiff(got, want *engine.Outcome) string {
	var d strings.Builder
	for _, s := range []engine.Stream{engine.Stdout, engine.Stderr} {
		if g, w := got.Text(s), want.Text(s); g != w {
			fmt.Fprintf(&d, "%s:\n got %q\nwant %q\n", s, g, w)
		}
	}
	if got.Exit != want.Exit || got.Signal != want.Signal {
		fmt.Fprintf(&d, "exit: got %d %q, want %d %q\n", got.Exit, got.Signal, want.Exit, want.Signal)
	}
	if g, w := fmt.Sprint(got.Err), fmt.Sprint(want.Err); g != w {
		fmt.Fprintf(&d, "error:\n got %s\nwant %s\n", g, w)
	}
	return d.String()
}

// TestDispatchLessons runs every block of the course that the compiled
// engine runs, once from dispatchers and once built alone, and judges
// both runs: their verdicts must be the same. Where the program's output
// is the same in two runs of its own build (it expects exact text, in
// order, without the race detector, and the own build printed the same
// twice), the dispatcher's run must print the same bytes too.
//
// It runs every block of the course three times, one after another
// (minutes), so it runs only with BINGFA_LONG_TESTS=1; a check of the
// course on an empty cache (TestLessons in a fresh clone, as in CI) runs
// its blocks from dispatchers and judges every one.
func TestDispatchLessons(t *testing.T) {
	t.Parallel()
	if testing.Short() || os.Getenv("BINGFA_LONG_TESTS") != "1" {
		t.Skip("runs every block of the course three times: set BINGFA_LONG_TESTS=1")
	}
	ls, err := lesson.Load([]string{"../../lessons"})
	if err != nil {
		t.Fatal(err)
	}
	type block struct {
		b     *lesson.Block
		p     *engine.Program
		exact bool // its expected output is exact text, in order
	}
	var blocks []block
	for _, l := range ls {
		for _, b := range l.Blocks {
			if !b.Runs() || b.Python() {
				continue
			}
			p, err := check.Program(l, b)
			if err != nil || p.Server != nil || p.Test != nil {
				continue
			}
			exact := b.Output != nil && !strings.Contains(b.Output.Text, "{{") && !b.Out.Unordered &&
				b.Out.OrderBy == nil && b.Opts.Runs <= 1 && !b.Opts.Race
			blocks = append(blocks, block{b, p, exact})
		}
	}
	var ps []*engine.Program
	for _, b := range blocks {
		ps = append(ps, b.p)
	}
	disp, own, dispatched := dispatchPair(t, t.TempDir(), ps)
	ctx := context.Background()
	n := 0
	for _, d := range dispatched {
		if d {
			n++
		}
	}
	t.Logf("%d of %d blocks dispatched", n, len(blocks))
	for _, b := range blocks {
		t.Run(b.p.ID, func(t *testing.T) {
			got, want := disp.Run(ctx, b.p, nil), own.Run(ctx, b.p, nil)
			if g, w := verdict.Judge(b.b, got), verdict.Judge(b.b, want); g.Status != w.Status {
				t.Errorf("verdict %v from the dispatcher, %v from its own build:\n%s\n%s", g.Status, w.Status, got.Text(engine.Output), want.Text(engine.Output))
			}
			if !b.exact || outcomeDiff(own.Run(ctx, b.p, nil), want) != "" {
				return // its output may differ between any two runs
			}
			if d := outcomeDiff(got, want); d != "" {
				t.Errorf("dispatcher's run and own build's run differ:\n%s", d)
			}
		})
	}
}

// TestDispatchWhen checks when Prepare builds dispatchers: for at least
// the threshold of new dispatchable programs, and never in the
// background.
func TestDispatchWhen(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	e.SetDispatch(2)
	progs := func(prefix string, n int) []*engine.Program {
		var ps []*engine.Program
		for i := range n {
			word := fmt.Sprintf("%s%d", prefix, i)
			ps = append(ps, program(word, strings.Replace(hello, "hello", word, 1)))
		}
		return ps
	}
	for _, c := range []struct {
		name string
		ps   []*engine.Program
		bg   bool
		want bool
	}{
		{"fewer than the threshold", progs("few", 1), false, false},
		{"in the background", progs("bg", 2), true, false},
		{"the threshold", progs("many", 2), false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			if c.bg {
				ctx = engine.Background(ctx)
			}
			e.Prepare(ctx, c.ps)
			for _, p := range c.ps {
				if got := e.dispatched(p); got != c.want {
					t.Errorf("%s: dispatched %v, want %v", p.ID, got, c.want)
				}
				if o := e.Run(context.Background(), p, nil); o.Text(engine.Output) != p.ID+"\n" {
					t.Errorf("%s printed %q", p.ID, o.Text(engine.Output))
				}
			}
		})
	}
}

// TestDispatchLive: a run a reader watches (engine.Live) of a program in a
// dispatcher is not held back until it ends: the program is built alone
// and run from its own binary, which then replaces the dispatcher's link.
func TestDispatchLive(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	e.SetDispatch(1)
	var ps []*engine.Program
	for i := range 2 {
		ps = append(ps, program(fmt.Sprintf("live%d", i), fmt.Sprintf("package main\n\nfunc main() { println(%d) }\n", i)))
	}
	ctx := context.Background()
	e.Prepare(ctx, ps)
	if !e.dispatched(ps[0]) {
		t.Fatal("not built into a dispatcher")
	}
	out := e.Run(engine.Live(ctx), ps[0], nil)
	if got := out.Text(engine.Output); got != "0\n" || out.Exit != 0 {
		t.Fatalf("run printed %q, exit %d", got, out.Exit)
	}
	if e.dispatched(ps[0]) {
		t.Error("a live run was run from the dispatcher")
	}
	if out = e.Run(ctx, ps[1], nil); !e.dispatched(ps[1]) || out.Text(engine.Output) != "1\n" {
		t.Errorf("a run nobody watches left the dispatcher (%q)", out.Text(engine.Output))
	}
}
