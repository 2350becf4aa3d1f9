package update

import (
	"context"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// A Change is what update does to one lesson.
type Change struct {
	Lesson *lesson.Lesson // the lesson as read
	New    []byte         // its new source (equal to Lesson.Source when nothing changes)
	Files  []*FileChange  // the files its notebook cells with file= must hold
	Notes  []error        // blocks that could not be updated, each at "path:line:"
}

// Changed reports whether the lesson's bytes, or a file it writes, change.
func (c *Change) Changed() bool {
	return string(c.New) != string(c.Lesson.Source) || len(c.Files) > 0
}

// Plan computes the changes to lessons: it synchronises the copies of
// files (read with read), works out the files of notebook cells, reruns
// the blocks the checker selects and brings their output blocks up to
// date. Nothing is written. Problems that stop a lesson from being
// updated at all (a copied file that cannot be read, a block that cannot
// be rewritten) are returned as an error, at the lines of the lessons as
// read. The checker c runs every block that would run if it had an output
// block (check.Config.RunAll), so that such a block gets one.
func Plan(ctx context.Context, c *check.Checker, ls []*lesson.Lesson, read ReadFunc) ([]*Change, error) {
	return PlanFrom(ctx, c, ls, read, c.Check)
}

// PlanFrom is Plan with the check of the synchronised lessons made by
// run (Plan passes c.Check): a caller that has already checked lessons
// identical to them with the compiled engine, such as the course's go
// test, can hand back that report instead of running every block again.
func PlanFrom(ctx context.Context, c *check.Checker, ls []*lesson.Lesson, read ReadFunc, run func(context.Context, []*lesson.Lesson) *check.Report) ([]*Change, error) {
	synced, err := syncAll(c, ls, read)
	if err != nil {
		return nil, err
	}
	rep := run(ctx, synced)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	byLesson := map[*lesson.Lesson][]*check.Result{}
	for _, r := range rep.Results {
		byLesson[r.Lesson] = append(byLesson[r.Lesson], r)
	}
	var changes []*Change
	var errs lesson.ErrorList
	for i, l := range synced {
		ch := &Change{Lesson: ls[i]}
		ch.Files, ch.Notes = CellFiles(l, c.Selected(l), read)
		actual := map[string]string{}
		written := map[*lesson.DataFile]string{}
		for _, r := range byLesson[l] {
			out, ran, err := actualOutput(r, ls[i].Block(r.Block.Name))
			if err != nil {
				ch.Notes = append(ch.Notes, err)
			} else if ran {
				actual[r.Block.Name] = out
				writtenFiles(r, written)
			}
		}
		ch.New, err = Outputs(l, actual, written)
		if err != nil {
			errs = append(errs, remap(err.(lesson.ErrorList), l, ls[i])...)
			continue
		}
		changes = append(changes, ch)
	}
	return changes, errs.Err()
}

// syncAll synchronises the copies of files in the blocks c selects and
// returns the lessons parsed again from their new sources.
func syncAll(c *check.Checker, ls []*lesson.Lesson, read ReadFunc) ([]*lesson.Lesson, error) {
	var errs lesson.ErrorList
	out := make([]*lesson.Lesson, len(ls))
	for i, l := range ls {
		src, err := Sync(l, c.Selected(l), read)
		if err != nil {
			errs = append(errs, err.(lesson.ErrorList)...)
			continue
		}
		out[i], err = reparse(l, src)
		if err != nil {
			errs = append(errs, err.(lesson.ErrorList)...)
		}
	}
	return out, errs.Err()
}

// reparse parses the new source of l: always a new Lesson, so that the
// caller's lessons are not changed.
func reparse(l *lesson.Lesson, src []byte) (*lesson.Lesson, error) {
	nl, err := lesson.Parse(l.Path, src)
	if err != nil {
		return nil, err
	}
	nl.Dir = l.Dir
	return nl, nil
}

// actualOutput returns what the block of r printed, on the stream its
// output block compares, and whether it ran; an error at the line of the
// block as read (orig: before copies were synchronised) if a run did not
// end as the block expects (the verdicts of the runs: a cell's file that
// differs, which the check reports too, is no reason not to update), or if
// its runs (runs=N) printed different outputs that its expected output
// does not all match.
func actualOutput(r *check.Result, orig *lesson.Block) (string, bool, error) {
	b := r.Block
	for _, v := range r.Verdicts {
		for _, p := range v.Problems {
			if p.Line == verdict.EndLine(b) {
				return "", false, lesson.Errorf(r.Lesson.Path, verdict.EndLine(orig), "not updated: %s", p.Msg)
			}
		}
	}
	if len(r.Runs) == 0 {
		return "", false, nil
	}
	if r.Status == verdict.Fail && len(r.Distinct) > 1 {
		return "", false, lesson.Errorf(r.Lesson.Path, orig.Code.Line,
			"not updated: its %d runs printed %d different outputs; make the expected output cover them (placeholders, unordered, order-by)", len(r.Runs), len(r.Distinct))
	}
	return r.Runs[0].Text(verdict.Stream(b)), true, nil
}

// remap moves the lines of errors about lesson l, whose copies of files
// were synchronised, to the lines of orig, the lesson as read: an error
// moves as the nearest fence above it moved.
func remap(errs lesson.ErrorList, l, orig *lesson.Lesson) lesson.ErrorList {
	var from, to []int
	for i, b := range l.Blocks {
		ob := orig.Blocks[i]
		from, to = append(from, b.Code.Line), append(to, ob.Code.Line)
		if b.Output != nil && ob.Output != nil {
			from, to = append(from, b.Output.Line), append(to, ob.Output.Line)
		}
	}
	out := make(lesson.ErrorList, len(errs))
	for i, e := range errs {
		moved := *e
		for j := range from {
			if from[j] <= e.Line {
				moved.Line = e.Line - from[j] + to[j]
			}
		}
		out[i] = &moved
	}
	return out
}
