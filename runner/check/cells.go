package check

import (
	"context"
	"errors"
	"fmt"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// blocked returns the problem of a notebook cell that builds on an
// earlier cell that does not compile (or cannot be assembled): the cell
// is not run, and the problem names the earlier cell, whose own result
// carries the compiler's messages.
func (c *Checker) blocked(ctx context.Context, l *lesson.Lesson, b *lesson.Block) (verdict.Problem, bool) {
	for _, e := range Cells(l, b) {
		if c.compiles(ctx, l, e) {
			continue
		}
		return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf(
			"not run: this cell builds on %s (%s), which does not compile", e.Name, l.Where(e))}, true
	}
	return verdict.Problem{}, false
}

// compiles reports whether cell e can be assembled and built. A build
// that fails for another reason than the code (no engine, a broken
// toolchain) does not count: it is reported with the cell itself.
func (c *Checker) compiles(ctx context.Context, l *lesson.Lesson, e *lesson.Block) bool {
	p, err := c.program(l, e)
	if err != nil {
		return false
	}
	var be *engine.BuildError
	return !errors.As(c.build(ctx, p), &be)
}

// problemOf returns the problem of a block that has no program.
func problemOf(b *lesson.Block, err error) verdict.Problem {
	var pe *ProblemError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	return verdict.Problem{Line: b.Code.Line, Msg: err.Error()}
}
