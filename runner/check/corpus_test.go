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
// authors write them, with the compiled engine, with the router of mode
// auto, and in mode both, where every block the router sends to yaegi
// also runs compiled and the two verdicts must agree: a routing mistake
// fails here the day it is made.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs about a hundred programs")
	}
	files, err := filepath.Glob("testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus lessons: %v", err)
	}
	ls, err := lesson.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{wiring.Compiled, wiring.Auto, wiring.Both} {
		t.Run(mode, func(t *testing.T) {
			cache := compiled.DefaultCacheDir()
			if mode == wiring.Auto {
				// A fresh cache: auto runs what is already built compiled,
				// and the point here is what the router sends to yaegi.
				cache = t.TempDir()
			}
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
			rep := check.New(set.Config()).Check(context.Background(), ls)
			interpreted := 0
			for _, r := range rep.Results {
				if strings.Contains(r.Engine, "yaegi") {
					interpreted++
				}
				id := r.Lesson.ID(r.Block)
				if r.Status == verdict.Fail {
					var b strings.Builder
					report.WriteProblems(&b, r, false)
					t.Errorf("%s (%s):\n%s", id, r.Engine, b.String())
				}
			}
			p, f, s := rep.Counts()
			t.Logf("%d lessons: %d passed (%d in yaegi), %d failed, %d skipped", len(ls), p, interpreted, f, s)
			if mode != wiring.Compiled && interpreted == 0 {
				t.Errorf("no block ran in yaegi: the router or the worker is broken")
			}
		})
	}
}
