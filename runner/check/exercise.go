package check

import (
	"context"
	"os"
	"path/filepath"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// exercise checks the starting code of an exercise block, which only has
// to build (the reader edits it until its output matches), and returns
// the program to run against the expected output: the reference answer
// named by file=. It returns false when there is nothing to run: the
// starting code does not build, or the answer is not available (a lesson
// not read from disk, or no file=).
func (c *Checker) exercise(ctx context.Context, r *Result, l *lesson.Lesson, b *lesson.Block, start *engine.Program) (*engine.Program, bool) {
	r.Engine = "compiled"
	if err := c.build(ctx, start); err != nil {
		r.merge(verdict.Built(b, err))
		return nil, false
	}
	if b.Opts.File == "" || l.Dir == "" {
		r.Why = Why{Reason: "exercise: the starting code builds; no reference answer to run"}
		return nil, false
	}
	path := filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File))
	src, err := os.ReadFile(path)
	if err != nil {
		r.Status = verdict.Fail
		r.Problems = append(r.Problems, verdict.Problem{Line: b.Code.Line, Msg: "exercise answer: " + err.Error()})
		return nil, false
	}
	answer := *start
	answer.Source, answer.Path, answer.Line, answer.Lines = src, path, 1, nil
	return &answer, true
}
