package lessons_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
)

// TestLessons builds and runs every block of every lesson, as
// TestLessons/<lesson>/<block>, and fails with the same messages and diff
// as bingfa check. The lessons are read from this directory, so that a
// block's copy of an examples/ program is compared with the file.
//
// The engines are those of $BINGFA_ENGINE, by default both: every block
// the router would send to the interpreter also runs compiled, and the
// test fails when the verdicts differ, so that go test ./... catches a
// routing mistake the day it is made.
func TestLessons(t *testing.T) {
	ls, err := lesson.Load([]string{"."})
	if err != nil {
		t.Fatal(err)
	}
	mode := os.Getenv("BINGFA_ENGINE")
	if mode == "" {
		mode = wiring.Both
	}
	set, err := wiring.New(mode, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	c := check.New(set.Config())
	ctx := context.Background()
	c.Prepare(ctx, ls)
	for _, l := range ls {
		t.Run(l.Name, func(t *testing.T) {
			t.Parallel()
			for _, b := range c.Selected(l) {
				t.Run(b.Name, func(t *testing.T) {
					Report(t, c.Block(ctx, l, b))
				})
			}
		})
	}
}

// Report turns a block's result into a test result.
func Report(t *testing.T, r *check.Result) {
	t.Helper()
	var msg strings.Builder
	report.WriteProblems(&msg, r, false)
	switch r.Status {
	case verdict.Skip:
		t.Skip(r.Why)
	case verdict.Fail:
		t.Error("\n" + msg.String())
	default:
		if msg.Len() > 0 {
			t.Log("\n" + msg.String())
		}
	}
}
