package check_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
)

// TestCorpus checks the lessons of testdata/corpus, written the way other
// authors write them, in mode both, where every block the router sends to
// yaegi also runs compiled and the two verdicts must agree: a routing
// mistake fails here the day it is made; then the blocks the router sent
// to yaegi with the router of mode auto, which runs them in yaegi alone
// (falling back to compiled). Mode both runs every block compiled (no
// corpus block asks for engine=yaegi, which the test checks), so that a
// check with the compiled engine alone, or of the other blocks in mode
// auto (which runs them compiled too), would run nothing more.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs about a hundred programs")
	}
	t.Parallel() // beside TestCases
	files, err := filepath.Glob("testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus lessons: %v", err)
	}
	ls, err := lesson.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		for _, b := range l.Blocks {
			if b.Opts.Engine == lesson.EngineYaegi {
				t.Fatalf("%s: engine=yaegi: mode both would not run it compiled; check the corpus in mode compiled too", l.Where(b))
			}
		}
	}
	var interpreted map[string]bool // the blocks that mode both ran in yaegi
	t.Run(wiring.Both, func(t *testing.T) {
		interpreted = checkCorpus(t, wiring.Both, compiled.DefaultCacheDir(), ls, nil)
	})
	t.Run(wiring.Auto, func(t *testing.T) {
		if len(interpreted) == 0 {
			t.Skip("mode both ran no block in yaegi")
		}
		// A fresh cache: auto runs what is already built compiled, and the
		// point here is what the router sends to yaegi.
		checkCorpus(t, wiring.Auto, t.TempDir(), ls, func(id string) bool { return interpreted[id] })
	})
}

// checkCorpus checks the blocks of ls that sel selects (all when nil)
// with the engines of mode, binaries cached in cache, and returns those
// that ran in yaegi, by id; it fails t when none did.
func checkCorpus(t *testing.T, mode, cache string, ls []*lesson.Lesson, sel func(id string) bool) map[string]bool {
	set, err := wiring.New(mode, cache)
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	if set.Yaegi != nil { // auto compiles while the worker is being built
		if err := set.Yaegi.WaitReady(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	cfg := set.Config()
	cfg.Select = sel
	rep := check.New(cfg).Check(context.Background(), ls)
	interpreted := map[string]bool{}
	for _, r := range rep.Results {
		id := r.Lesson.ID(r.Block)
		if strings.Contains(r.Engine, "yaegi") {
			interpreted[id] = true
		}
		if r.Status == verdict.Fail {
			var b strings.Builder
			report.WriteProblems(&b, r, report.Colors{})
			t.Errorf("%s (%s):\n%s", id, r.Engine, b.String())
		}
	}
	p, f, s := rep.Counts()
	t.Logf("%d lessons: %d passed (%d in yaegi), %d failed, %d skipped", len(ls), p, len(interpreted), f, s)
	if len(interpreted) == 0 {
		t.Errorf("no block ran in yaegi: the router or the worker is broken")
	}
	return interpreted
}
