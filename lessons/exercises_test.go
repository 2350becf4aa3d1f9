package lessons_test

import (
	"context"
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
// expected output and with its options, as
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
// exercise block: its case reports that check's result when the course is
// checked anyway (see course.wholeCourse), and runs it otherwise.
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
				for _, ex := range exerciseCases(t, l, b) {
					t.Run(ex.name, func(t *testing.T) {
						t.Parallel() // each its own program; check's slots bound them
						if ex.pass && co.wholeCourse() {
							r := co.result(b)
							if r == nil {
								t.Fatalf("%s: the check of the course has no result for this block", l.Where(b))
							}
							Report(t, r)
							return
						}
						r := co.c.Block(context.Background(), l, variant(b, ex.name, ex.src))
						judgeExercise(t, r, ex.pass)
					})
				}
			})
		}
	}
}

// An exerciseCase is one program judged against an exercise's goal.
type exerciseCase struct {
	name string
	src  string
	pass bool // whether the program must pass
}

// exerciseCases returns the starter, the wrong answers kept for block b
// and the reference answer.
func exerciseCases(t *testing.T, l *lesson.Lesson, b *lesson.Block) []exerciseCase {
	t.Helper()
	if b.Opts.File == "" {
		t.Fatalf("%s:%d: exercise %s has no reference answer (file=)", l.Path, b.Code.Line, b.Name)
	}
	answer, err := os.ReadFile(filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File)))
	if err != nil {
		t.Fatal(err)
	}
	cases := []exerciseCase{{"starter", b.Code.Text, false}}
	dir := filepath.Join("testdata", "exercises", l.Name, b.Name)
	wrong, err := filepath.Glob(filepath.Join(dir, "wrong-*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(wrong) == 0 {
		t.Errorf("%s:%d: exercise %s: no plausible wrong answer in %s (wrong-*.go)", l.Path, b.Code.Line, b.Name, dir)
	}
	slices.Sort(wrong)
	for _, path := range wrong {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, exerciseCase{strings.TrimSuffix(filepath.Base(path), ".go"), string(src), false})
	}
	return append(cases, exerciseCase{"answer", string(answer), true})
}

// variant returns a copy of exercise block b whose code is src: an
// ordinary block, with the exercise's options and expected output, that
// is run compiled and judged.
func variant(b *lesson.Block, name, src string) *lesson.Block {
	v := *b
	v.Name = b.Name + "." + name
	code := *b.Code
	code.Text = src
	v.Code = &code
	v.Opts.Exercise, v.Opts.File = false, ""
	v.Opts.Engine = lesson.EngineCompiled
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
