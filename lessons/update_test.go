package lessons_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/update"
	"bingfa/runner/wiring"
)

// TestUpdate runs update on the course, as `bingfa update lessons` does.
// The lessons are its golden files: with -update (`go test ./lessons
// -update`) it writes the changes.
// Without, it checks that update leaves a course that passes byte for byte
// as it is: a change it would make is a failure, shown as a diff.
//
// Update presents a check of the course made with the compiled engine.
// Without -update, that is the course's one check (see course), which ran
// every block compiled, whenever the copies of files are in sync (then
// the lessons update checks are those that were checked); otherwise, and
// with -update, update makes its own check.
func TestUpdate(t *testing.T) {
	if testing.Short() && !golden.Updating() {
		t.Skip("runs every block of the course")
	}
	co := theCourse(t)
	c, ls := co.c, co.ls
	run := c.Check
	if co.compiledRuns() && !golden.Updating() {
		t.Parallel()
		run = func(ctx context.Context, synced []*lesson.Lesson) *check.Report {
			if rep, ok := reuse(co, synced); ok {
				return rep
			}
			return c.Check(ctx, synced)
		}
	} else {
		set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir()) // the authority on what a block prints
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { set.Close() })
		c = check.New(set.Config())
		if ls, err = lesson.Load([]string{"."}); err != nil {
			t.Fatal(err)
		}
		run = c.Check
	}
	changes, err := update.PlanFrom(context.Background(), c, ls, os.ReadFile, run)
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range changes {
		for _, note := range ch.Notes {
			t.Error(note)
		}
		switch {
		case !ch.Changed():
		case golden.Updating():
			if err := ch.Write(); err != nil {
				t.Error(err)
			}
			t.Logf("updated %s", ch.Lesson.Path)
		default:
			t.Errorf("update would change %s (run go test ./lessons -update to apply):\n%s", ch.Lesson.Path, ch.Diff())
		}
	}
}

// reuse returns the course's check as a check of synced, the course's
// lessons parsed again after update synchronised their copies of files,
// when none of their sources changed: each result moves to the block of
// the same name in the lesson parsed again.
func reuse(co *course, synced []*lesson.Lesson) (*check.Report, bool) {
	if len(synced) != len(co.ls) {
		return nil, false
	}
	moved := map[*lesson.Lesson]*lesson.Lesson{}
	for i, l := range co.ls {
		if !bytes.Equal(synced[i].Source, l.Source) {
			return nil, false
		}
		moved[l] = synced[i]
	}
	rep := &check.Report{}
	for _, r := range co.report().Results {
		nr := *r
		nr.Lesson = moved[r.Lesson]
		if nr.Block = nr.Lesson.Block(r.Block.Name); nr.Block == nil {
			return nil, false
		}
		rep.Results = append(rep.Results, &nr)
	}
	return rep, true
}
