package check

import (
	"context"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// A Watch asks for a reader's run of one block (on the live page or in
// the terminal reader) and is told how it goes as it goes. The block is
// checked as Block checks it (runs=N, every engine its router picks,
// blocked cells, drift), with two differences: an exercise runs the
// reader's code, judged against the exercise's goal, rather than the
// reference answer; and the run goes ahead of background work (see
// Checker.Run).
type Watch struct {
	// Edited says that the block is an edited copy (see Edit): its code
	// is the reader's, so it is not compared with its file=.
	Edited bool
	// Queued, if set, is called when the block's first run has to wait
	// for a slot (Config.Jobs programs run; a serial block waits to run
	// alone).
	Queued func()
	// Started, if set, is called when the block's first run starts (when
	// it has its slot), or its build: its engine(s) and the router's
	// reason, or "compiled" for a block that is only built.
	Started func(engine string, why Why)

	engine string // the engines the block runs with, for begin
	why    Why    // and why
	// Output, if set, is given the output of the block's first run with
	// its first engine, as it comes.
	Output func(engine.Event)
}

func (w *Watch) started(engine string, why Why) {
	if w != nil && w.Started != nil {
		w.Started(engine, why)
	}
}

// begin tells that run i of engine number k starts.
func (w *Watch) begin(k, i int) {
	if w != nil && k == 0 && i == 0 {
		w.started(w.engine, w.why)
	}
}

// waiting returns the callback of run i of engine number k that waits
// for a slot.
func (w *Watch) waiting(k, i int) func() {
	if w == nil || k > 0 || i > 0 {
		return nil
	}
	return w.Queued
}

// emit returns the output callback of run i of engine number k.
func (w *Watch) emit(k, i int) func(engine.Event) {
	if w == nil || w.Output == nil || k > 0 || i > 0 {
		return nil
	}
	return w.Output
}

// Run checks block b of lesson l for a reader, as w says (see Watch). Its
// programs take their slots before any waiting program of Check's.
func (c *Checker) Run(ctx context.Context, l *lesson.Lesson, b *lesson.Block, w *Watch) *Result {
	if w == nil {
		w = &Watch{}
	}
	return c.block(ctx, l, b, w)
}

// Edit returns a copy of lesson l whose block b has code as its code and
// whose notebook cells have the code that cells gives them by name, and
// the copy of b: what a reader's edits make of the lesson, for Run.
func Edit(l *lesson.Lesson, b *lesson.Block, code string, cells map[string]string) (*lesson.Lesson, *lesson.Block) {
	nb := withCode(b, code)
	nl := *l
	nl.Blocks = make([]*lesson.Block, len(l.Blocks))
	for i, x := range l.Blocks {
		nl.Blocks[i] = x
		if c, ok := cells[x.Name]; ok && x.Opts.Cell {
			nl.Blocks[i] = withCode(x, c)
		}
		if x == b {
			nl.Blocks[i] = nb
		}
	}
	return &nl, nb
}

// Edited reports whether code, or the code cells gives l's notebook cells
// before b, differ from the lesson's.
func Edited(l *lesson.Lesson, b *lesson.Block, code string, cells map[string]string) bool {
	if !SameCode(code, b.Code.Text) {
		return true
	}
	for _, c := range Cells(l, b) {
		if code, ok := cells[c.Name]; ok && !SameCode(code, c.Code.Text) {
			return true
		}
	}
	return false
}

// withCode returns a copy of b whose code is code.
func withCode(b *lesson.Block, code string) *lesson.Block {
	nb, f := *b, *b.Code
	f.Text = code
	nb.Code = &f
	return &nb
}
