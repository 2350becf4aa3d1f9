package goexamples_test

import (
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/engine/enginetest"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
)

// minShare is the share of the corpus's examples that run that yaegi
// must be allowed to run under engine=auto with an empty cache: the
// interpreter is there to save builds, and a router that sends
// everything to the compiler would be right and useless.
const minShare = 0.75

// TestYaegiShare routes every example of the corpus that runs, as
// engine=auto does when nothing is cached yet (the static check alone),
// and checks that at least minShare of them go to yaegi.
func TestYaegiShare(t *testing.T) {
	r, err := route.New(route.Auto, enginetest.Named("compiled"), enginetest.Named("yaegi"), inproc.New())
	if err != nil {
		t.Fatal(err)
	}
	ls := lessons(t)
	var ps []*engine.Program
	for _, l := range ls {
		for _, b := range l.Blocks {
			if p, err := check.Program(l, b); err == nil {
				ps = append(ps, p)
			}
		}
	}
	r.Preload(t.Context(), ps)
	runs, interpreted := 0, 0
	for _, l := range ls {
		for _, b := range l.Blocks {
			if !b.Runs() {
				continue
			}
			p, err := check.Program(l, b)
			if err != nil {
				t.Fatalf("%s: %v", l.Where(b), err)
			}
			runs++
			if d := r.Decide(b, p); d.Yaegi {
				interpreted++
			} else if testing.Verbose() {
				t.Logf("%s: compiled: %s", l.ID(b), d.Reason)
			}
		}
	}
	share := float64(interpreted) / float64(runs)
	t.Logf("yaegi may run %d of %d examples (%.0f%%)", interpreted, runs, 100*share)
	if share < minShare {
		t.Errorf("yaegi may run %d of %d examples (%.0f%%), fewer than %.0f%%", interpreted, runs, 100*share, 100*minShare)
	}
}
