package check

import (
	"slices"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// A Result is the outcome of checking one block.
type Result struct {
	Lesson *lesson.Lesson
	Block  *lesson.Block
	Status verdict.Status
	Engine string // the engine(s) that ran it: "compiled", "yaegi", "compiled+yaegi"
	Why    Why    // why the router chose them
	// Elapsed is the time the block took to check, from its start to its
	// verdict, waiting for its build and for its turn to run included.
	Elapsed time.Duration
	// Problems and Warnings are the block's; for a block that several
	// engines ran, each of those about one engine's runs names it
	// (Problem.Engine).
	Problems []verdict.Problem
	Warnings []verdict.Problem
	Diff     string             // the first engine's diff, when its output differs
	Runs     []*engine.Outcome  // every run, engine by engine
	Verdicts []*verdict.Verdict // the verdict of each run, as Runs
	Distinct []Distinct         // the different outputs of the first engine's runs of a runs=N block
	// Engines is what each engine made of a block that more than one
	// engine ran (engine mode "both"), in the order they ran it; nil
	// for a block that one engine ran.
	Engines []*EngineResult
}

// An EngineResult is what one engine made of a block that several engines
// ran.
type EngineResult struct {
	Engine string
	Status verdict.Status
	Diff   string // its diff, whose header names the engine
	// Actual is the output it was judged on (the stream compared,
	// normalised): of its first failing run, else of its first run.
	Actual   string
	Runs     []*engine.Outcome
	Verdicts []*verdict.Verdict // the verdict of each run
	Distinct []Distinct         // for a runs=N block
}

// EngineProblems returns the problems and warnings of r that are about
// engine e's runs.
func (r *Result) EngineProblems(e *EngineResult) (problems, warnings []verdict.Problem) {
	for _, p := range r.Problems {
		if p.Engine == e.Engine {
			problems = append(problems, p)
		}
	}
	for _, w := range r.Warnings {
		if w.Engine == e.Engine {
			warnings = append(warnings, w)
		}
	}
	return problems, warnings
}

// A Distinct is one output of a block run several times, with the number
// of runs that printed it.
type Distinct struct {
	Output string
	Count  int
}

// Ran returns how long the block's program ran, all its runs added up.
func (r *Result) Ran() time.Duration {
	var d time.Duration
	for _, o := range r.Runs {
		d += o.Elapsed
	}
	return d
}

// Output returns the output of the first run ("" when not run).
func (r *Result) Output() string {
	if len(r.Runs) == 0 {
		return ""
	}
	return r.Runs[0].Text(engine.Output)
}

// A Report is the result of checking lessons.
type Report struct {
	Results []*Result // in course order
	// Broken is the format errors of the lessons that could not be
	// parsed, and so were not checked (see CheckLoaded).
	Broken  lesson.ErrorList
	Elapsed time.Duration
}

// BrokenLessons returns the paths of the lessons that could not be
// parsed, in order.
func (r *Report) BrokenLessons() []string {
	var paths []string
	for _, e := range r.Broken {
		if !slices.Contains(paths, e.Path) {
			paths = append(paths, e.Path)
		}
	}
	return paths
}

// Counts returns the number of blocks that passed, failed and were
// skipped. A lesson that could not be parsed counts as one that failed.
// Blocks that were stopped are in none of these (see Stopped).
func (r *Report) Counts() (passed, failed, skipped int) {
	failed = len(r.BrokenLessons())
	for _, res := range r.Results {
		switch res.Status {
		case verdict.Pass:
			passed++
		case verdict.Fail:
			failed++
		case verdict.Skip:
			skipped++
		}
	}
	return passed, failed, skipped
}

// Stopped returns the number of blocks whose runs were stopped before they
// ended (an interrupted check): neither passed nor failed.
func (r *Report) Stopped() int {
	n := 0
	for _, res := range r.Results {
		if res.Status == verdict.Stopped {
			n++
		}
	}
	return n
}

// A BrokenObserver is an Observer that is told, before anything runs, of
// the format errors of the lessons that could not be parsed.
type BrokenObserver interface {
	Broken(errs lesson.ErrorList)
}

// An Observer is told about progress as blocks are checked. Its methods
// may be called from several goroutines at once.
type Observer interface {
	Start(blocks int)                               // before anything runs
	Building(programs int)                          // before a batch build
	BlockDone(r *Result)                            // after each block
	LessonDone(l *lesson.Lesson, results []*Result) // after each lesson
}
