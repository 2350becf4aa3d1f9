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
// toolchain, a run stopped) does not count: it is reported with the cell
// itself. The answer is remembered with the cell's program, so that the
// later cells of a lesson do not ask the engine again.
func (c *Checker) compiles(ctx context.Context, l *lesson.Lesson, e *lesson.Block) bool {
	p, err := c.program(l, e)
	if err != nil {
		return false
	}
	key := lessonBlock{l, e}
	c.mu.Lock()
	m := c.programs[key]
	c.mu.Unlock()
	if m.built != 0 {
		return m.built > 0
	}
	err = c.build(ctx, p)
	var be *engine.BuildError
	broken := errors.As(err, &be)
	if broken || err == nil {
		c.mu.Lock()
		if m, ok := c.programs[key]; ok {
			m.built = 1
			if broken {
				m.built = -1
			}
			c.programs[key] = m
		}
		c.mu.Unlock()
	}
	return !broken
}

// problemOf returns the problem of a block that has no program.
func problemOf(b *lesson.Block, err error) verdict.Problem {
	var pe *ProblemError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	return verdict.Problem{Line: b.Code.Line, Msg: err.Error()}
}
