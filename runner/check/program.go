package check

import (
	"errors"

	"bingfa/runner/cell"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// Program returns the program of block b of lesson l: its code, or for a
// notebook cell, the program that package cell assembles from the cells
// of l up to b. The error, from a cell that cannot be assembled, is a
// problem at its lesson line.
func Program(l *lesson.Lesson, b *lesson.Block) (*engine.Program, error) {
	return newProgram(l, b, new(cell.Assembler))
}

// newProgram is Program, with the cells assembled by cells.
func newProgram(l *lesson.Lesson, b *lesson.Block, cells *cell.Assembler) (*engine.Program, error) {
	o := &b.Opts
	in := b.Inputs()
	p := &engine.Program{
		ID:        l.ID(b),
		Source:    []byte(b.Code.Text),
		Path:      l.Path,
		Line:      b.Code.BodyLine(),
		Args:      in.Args,
		Env:       in.Env,
		Timeout:   o.Timeout,
		MaxOutput: o.MaxOutput,
		MaxMemory: o.MaxMemory,
		Race:      o.Race,
		Split:     b.Out.Stream != "",
		// The sandbox's options.
		Unconfined: o.NoSandbox,
		HostNet:    o.HostNet,
		Argv0:      o.Argv0,
		FileName:   o.FileName,
		Trace:      o.Trace,
		Port:       o.Port,
	}
	if b.Python() {
		p.Lang = lesson.LangPython
	}
	setInputs(p, b, in)
	if err := setServer(l, b, p); err != nil {
		return nil, err
	}
	if !o.Cell {
		return p, nil
	}
	a, _, err := assemble(l, b, cells)
	if err != nil {
		return nil, err
	}
	p.Source, p.Lines = a.Source, a.Lines
	return p, nil
}

// program returns the program of block b of lesson l, within the
// checker's limits (Config.Limit). A block's program is made once: Check
// plans its build with it and runs it, and the later cells of a lesson
// ask whether it compiles.
func (c *Checker) program(l *lesson.Lesson, b *lesson.Block) (*engine.Program, error) {
	c.mu.Lock()
	m, ok := c.programs[lessonBlock{l, b}]
	c.mu.Unlock()
	if ok {
		return m.p, m.err
	}
	p, err := newProgram(l, b, &c.cells)
	if err == nil && c.cfg.Limit != nil {
		c.cfg.Limit(p)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.programs) >= maxPrograms {
		clear(c.programs) // edited copies of lessons come and go
	}
	c.programs[lessonBlock{l, b}] = made{p: p, err: err}
	return p, err
}

// A made program, or why there is none.
type made struct {
	p     *engine.Program
	err   error
	built int8 // for a cell: 1 when it compiles, -1 when not, 0 when not known (see compiles)
}

// maxPrograms bounds the programs a Checker remembers.
const maxPrograms = 4096

// assemble assembles the program of cell b, and returns it with the
// earlier cells.
func assemble(l *lesson.Lesson, b *lesson.Block, cells *cell.Assembler) (*cell.Program, []*lesson.Block, error) {
	blocks := Cells(l, b)
	earlier := make([]cell.Cell, len(blocks))
	for i, e := range blocks {
		earlier[i] = cellOf(e)
	}
	a, err := cells.Assemble(earlier, cellOf(b))
	if err != nil {
		var ce *cell.Error
		if errors.As(err, &ce) {
			return nil, nil, &ProblemError{verdict.Problem{Line: ce.Line, Msg: ce.Msg}}
		}
		return nil, nil, err
	}
	return a, blocks, nil
}

// DependsOn returns, for each cell of l, the earlier cells whose
// declarations it uses, directly or through other declarations (see
// package cell); a block that is not a cell or a cell that cannot be
// assembled has none. Each cell is parsed once.
func DependsOn(l *lesson.Lesson) map[*lesson.Block][]*lesson.Block {
	out := map[*lesson.Block][]*lesson.Block{}
	var cells cell.Assembler
	for _, b := range l.Blocks {
		if !b.Opts.Cell {
			continue
		}
		a, earlier, err := assemble(l, b, &cells)
		if err != nil {
			continue
		}
		for _, i := range a.Depends {
			out[b] = append(out[b], earlier[i])
		}
	}
	return out
}

// Cells returns the notebook cells of l before block b, in order.
func Cells(l *lesson.Lesson, b *lesson.Block) []*lesson.Block {
	var out []*lesson.Block
	for _, e := range l.Blocks {
		if e == b {
			break
		}
		if e.Opts.Cell {
			out = append(out, e)
		}
	}
	return out
}

func cellOf(b *lesson.Block) cell.Cell {
	return cell.Cell{Code: b.Code.Text, Line: b.Code.BodyLine()}
}

// A ProblemError is a block that has no program, with the problem at its
// lesson line.
type ProblemError struct {
	verdict.Problem
}

func (e *ProblemError) Error() string { return e.Problem.Msg }
