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
// reference answer; and the run goes ahead of background work. The
// callbacks are about the block's first run with its first engine, and
// any of them may be nil.
type Watch struct {
	// Edited says that the block is an edited copy (see Edit): its code
	// is the reader's, so it is not compared with its file=.
	Edited bool
	// Queued is called when the run has to wait, with what it waits for:
	// its program's build, or a slot (Config.Jobs programs run; a serial
	// block waits to run alone).
	Queued func(Wait)
	// Started is called when the run starts (once it has its slot), or
	// the build of a block only built: with its engine(s) and the
	// router's reason.
	Started func(engine string, why Why)
	// Output is given the run's output as it comes.
	Output func(engine.Event)

	reader bool   // a reader's run
	engine string // the engines the block runs with, for Started
	why    Why    // and why
}

// filled returns a copy of w whose callbacks are all set.
func (w Watch) filled(reader bool) *Watch {
	w.reader = reader
	if w.Queued == nil {
		w.Queued = func(Wait) {}
	}
	if w.Started == nil {
		w.Started = func(string, Why) {}
	}
	if w.Output == nil {
		w.Output = func(engine.Event) {}
	}
	return &w
}

// A Wait is what a reader's run waits for.
type Wait struct {
	// Build is set when it waits for its program to be built (otherwise
	// it waits for a slot). Built and Total count the programs of the
	// background builds (Prebuild) built so far and in all, while there
	// are some left to build: the run's build goes before them, unless
	// its program is in the one under way.
	Build        bool
	Built, Total int
}

// Run checks block b of lesson l for a reader, as w says (see Watch). Its
// programs take their slots before any waiting program of Check's.
func (c *Checker) Run(ctx context.Context, l *lesson.Lesson, b *lesson.Block, w Watch) *Result {
	return c.block(ctx, l, b, w.filled(true))
}

// Edit returns a copy of lesson l whose block b has code as its code and
// whose notebook cells have the code that cells gives them by name, and
// the copy of b: what a reader's edits make of the lesson, for Run. It
// reports whether code, or the code of a cell before b, differs from the
// lesson's.
func Edit(l *lesson.Lesson, b *lesson.Block, code string, cells map[string]string) (*lesson.Lesson, *lesson.Block, bool) {
	nl := *l
	nl.Blocks = make([]*lesson.Block, len(l.Blocks))
	nb, edited := withCode(b, code), !SameCode(code, b.Code.Text)
	before := true // x is before b
	for i, x := range l.Blocks {
		nl.Blocks[i] = x
		switch c, ok := cells[x.Name]; {
		case x == b:
			nl.Blocks[i], before = nb, false
		case ok && x.Opts.Cell:
			nl.Blocks[i] = withCode(x, c)
			edited = edited || before && !SameCode(c, x.Code.Text)
		}
	}
	return &nl, nb, edited
}

// withCode returns a copy of b whose code is code.
func withCode(b *lesson.Block, code string) *lesson.Block {
	nb, f := *b, *b.Code
	f.Text = code
	nb.Code = &f
	return &nb
}
