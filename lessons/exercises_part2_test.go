package lessons_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
)

// firstPart2 is the number of the first lesson beyond the notes: the
// lessons from it on are checked by TestExercisesPart2.
const firstPart2 = 11

// TestExercisesPart2 checks every exercise of the lessons numbered 11 and
// up, as TestExercisesPart2/<lesson>/<block>/{answer,starter}: the
// reference answer (file=) must pass, and the starting code, run as it is
// against the same expected output and ending, must fail, so that an
// exercise never asks for what its starting code already does. Every
// such lesson must have an exercise. Programs run compiled only: a
// starting code may deadlock, which the interpreter cannot report.
func TestExercisesPart2(t *testing.T) {
	ls, err := lesson.Load([]string{"."})
	if err != nil {
		t.Fatal(err)
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	c := check.New(set.Config())
	ctx := context.Background()
	for _, l := range part2(ls) {
		t.Run(l.Name, func(t *testing.T) {
			t.Parallel()
			found := false
			for _, b := range l.Blocks {
				if !b.Opts.Exercise {
					continue
				}
				found = true
				t.Run(b.Name+"/answer", func(t *testing.T) {
					Report(t, c.Block(ctx, l, b))
				})
				t.Run(b.Name+"/starter", func(t *testing.T) {
					r := c.Block(ctx, l, starter(b))
					if r.Status != verdict.Fail {
						t.Errorf("%s: the untouched starting code already meets the exercise's goal (%s)", l.Where(b), r.Status)
					}
				})
			}
			if !found {
				t.Errorf("%s: a lesson beyond the notes needs an exercise block", l.Path)
			}
		})
	}
}

// part2 returns the lessons whose file name starts with a number of
// firstPart2 or more ("11-channels").
func part2(ls []*lesson.Lesson) []*lesson.Lesson {
	var out []*lesson.Lesson
	for _, l := range ls {
		num, _, _ := strings.Cut(l.Name, "-")
		if n, err := strconv.Atoi(num); err == nil && n >= firstPart2 {
			out = append(out, l)
		}
	}
	return out
}

// starter returns exercise block b as a plain block: its own code, run
// against its expected output and ending.
func starter(b *lesson.Block) *lesson.Block {
	s := *b
	s.Name = b.Name + "-starter"
	s.Opts.Exercise = false
	s.Opts.File = ""
	return &s
}
