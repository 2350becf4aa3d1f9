package check

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// Program returns the program of block b of lesson l.
func Program(l *lesson.Lesson, b *lesson.Block) *engine.Program {
	o := &b.Opts
	return &engine.Program{
		ID:        l.ID(b),
		Source:    []byte(b.Code.Text),
		Path:      l.Path,
		Line:      b.Code.BodyLine(),
		Args:      o.Args,
		Env:       o.Env,
		Timeout:   o.Timeout,
		MaxOutput: o.MaxOutput,
		Race:      o.Race,
		Split:     b.Out.Stream != "",
	}
}
