package lessons_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// TestExercises checks that the goal of every exercise tells a right
// program from a wrong one. Each exercise block is run, against its
// expected output and with its options (serial aside: see variant), as
// TestExercises/<lesson>/<block>/<case>, with three kinds of program:
//
//   - starter: the block's own code, the reader's starting point, must
//     fail: an exercise already done is no exercise;
//   - wrong-*.go in testdata/exercises/<lesson>/<block>/: plausible wrong
//     answers, at least one per exercise, must fail;
//   - answer: the reference answer named by file= must pass.
//
// A program that must fail has to build and run: failing to compile
// proves nothing about the goal. Soft lines only warn, so a wrong program
// must miss a hard line. Programs run with the compiled engine, the
// authority on what a block prints (a starting code may deadlock, which
// the interpreter cannot report), through the course's checker (see
// course). The answer is what the check of the course runs for an
// exercise block. When the course is checked anyway (see
// course.wholeCourse), every case reports that check's result (the
// check runs the starters and wrong answers too: see course); otherwise
// each case runs its program.
func TestExercises(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every exercise several times")
	}
	t.Parallel()
	co := theCourse(t)
	for _, l := range co.ls {
		for _, b := range l.Blocks {
			if !b.Opts.Exercise {
				continue
			}
			t.Run(l.Name+"/"+b.Name, func(t *testing.T) {
				t.Parallel()
				ex := co.exercises[b]
				for _, err := range ex.errs {
					t.Error(err)
				}
				for _, ex := range ex.cases {
					t.Run(ex.name, func(t *testing.T) {
						t.Parallel() // each its own program; check's slots bound them
						if co.wholeCourse() {
							r := co.result(ex.block)
							if r == nil {
								t.Fatalf("%s: the check of the course has no result for this case", l.Where(b))
							}
							judgeExercise(t, r, ex.pass)
							return
						}
						judgeExercise(t, co.c.Block(context.Background(), l, ex.block), ex.pass)
					})
				}
			})
		}
	}
}

// An exerciseCase is one program judged against an exercise's goal.
type exerciseCase struct {
	name  string
	block *lesson.Block // the exercise block itself for the answer, else a variant
	pass  bool          // whether the program must pass
}

// exerciseCases returns the starter, the wrong answers kept for block b
// and the reference answer, and what is missing.
func exerciseCases(l *lesson.Lesson, b *lesson.Block) ([]exerciseCase, []error) {
	if b.Opts.File == "" {
		return nil, []error{fmt.Errorf("%s:%d: exercise %s has no reference answer (file=)", l.Path, b.Code.Line, b.Name)}
	}
	var errs []error
	cases := []exerciseCase{{"starter", variant(b, "starter", b.Code.Text), false}}
	dir := filepath.Join("testdata", "exercises", l.Name, b.Name)
	wrong, err := filepath.Glob(filepath.Join(dir, "wrong-*.go"))
	if err != nil {
		return nil, []error{err}
	}
	if len(wrong) == 0 {
		errs = append(errs, fmt.Errorf("%s:%d: exercise %s: no plausible wrong answer in %s (wrong-*.go)", l.Path, b.Code.Line, b.Name, dir))
	}
	slices.Sort(wrong)
	for _, path := range wrong {
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".go")
		cases = append(cases, exerciseCase{name, variant(b, name, string(src)), false})
	}
	return append(cases, exerciseCase{"answer", b, true}), errs
}

// An exercise is the cases of an exercise block, and what is missing.
type exercise struct {
	cases []exerciseCase
	errs  []error
}

// practice returns the cases of every exercise of ls, made once, and a
// copy of each lesson with exercises whose blocks are their starters and
// wrong answers, for the course's check to run beside the lessons.
func practice(ls []*lesson.Lesson) (map[*lesson.Block]exercise, []*lesson.Lesson) {
	exercises := map[*lesson.Block]exercise{}
	var out []*lesson.Lesson
	for _, l := range ls {
		var blocks []*lesson.Block
		for _, b := range l.Blocks {
			if !b.Opts.Exercise {
				continue
			}
			cs, errs := exerciseCases(l, b)
			exercises[b] = exercise{cs, errs}
			for _, c := range cs {
				if !c.pass {
					blocks = append(blocks, c.block)
				}
			}
		}
		if len(blocks) > 0 {
			p := *l
			p.Blocks = blocks
			out = append(out, &p)
		}
	}
	return exercises, out
}

// variant returns a copy of exercise block b whose code is src: an
// ordinary block, with the exercise's options and expected output, that
// is run compiled and judged.
//
// The copy is not serial, even when the exercise is: it runs beside the
// check's other programs instead of alone after all of them. serial is
// for measurements, so that a right program's figures and soft lines are
// not disturbed; a program that must fail has to miss a hard line, and a
// hard line states what holds whatever the load (what depends on it is
// soft: see docs/format.md), so running alone could not change whether
// it misses. (The course's serial exercises: their wrong programs miss
// the value of GOMAXPROCS, which children reported, and how many
// goroutines computed at once; none a time.) The answer is the exercise
// block itself, which the course's check runs alone.
func variant(b *lesson.Block, name, src string) *lesson.Block {
	v := *b
	v.Name = b.Name + "." + name
	code := *b.Code
	code.Text = src
	v.Code = &code
	v.Opts.Exercise, v.Opts.File = false, ""
	v.Opts.Engine = lesson.EngineCompiled
	v.Opts.Serial = false
	return &v
}

// judgeExercise fails t unless r is a pass when pass is set, and
// otherwise a failure of a program that built and ran.
func judgeExercise(t *testing.T, r *check.Result, pass bool) {
	t.Helper()
	switch {
	case pass:
		Report(t, r)
	case r.Status != verdict.Fail:
		t.Errorf("a wrong program meets the goal (%s); the expected output must tell it from a right one", r.Status)
	case len(r.Runs) == 0:
		t.Errorf("a wrong program must build and run, and fail the goal; it did not run:\n%s", problems(r))
	default:
		t.Logf("fails the goal, as it must:\n%s", problems(r))
	}
}

// problems returns r's problems, one a line.
func problems(r *check.Result) string {
	var s strings.Builder
	for _, p := range r.Problems {
		s.WriteString(p.Msg + "\n")
	}
	return s.String()
}
