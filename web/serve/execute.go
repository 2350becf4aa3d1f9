package serve

import (
	"context"
	"errors"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// The events of a run's stream, in order: queued (only when it has to
// wait), start, output (any number), done.
type (
	queuedEvent struct {
		Running int  `json:"running"` // programs the server runs at once
		Serial  bool `json:"serial"`  // the block waits to run alone
	}
	startEvent struct {
		Engine string `json:"engine"`
		Why    string `json:"why"`
	}
	outputEvent struct {
		T      float64 `json:"t"`           // milliseconds since the program started
		Stream string  `json:"s,omitempty"` // "stdout" or "stderr" in a split run
		Data   string  `json:"d"`
	}
	doneEvent struct {
		Status   string    `json:"status"` // pass, fail, or stopped (neither)
		Engine   string    `json:"engine"`
		Why      string    `json:"why"`
		Exit     int       `json:"exit"`
		Signal   string    `json:"signal,omitempty"`
		Elapsed  float64   `json:"elapsed"` // milliseconds the program ran
		Build    float64   `json:"build"`   // milliseconds spent building
		Cached   bool      `json:"cached"`
		Stopped  bool      `json:"stopped,omitempty"`
		Edited   bool      `json:"edited"`
		Exercise bool      `json:"exercise,omitempty"`
		Problems []problem `json:"problems"`
		Warnings []problem `json:"warnings"`
		Diff     string    `json:"diff,omitempty"`
		Leftover int       `json:"leftover,omitempty"`
		// HTML is the result pane as a page shows a checked block's
		// result (package render), for the page to put in place.
		HTML string `json:"html,omitempty"`
	}
	problem struct {
		Line int    `json:"line"`
		Msg  string `json:"msg"`
	}
)

// program returns the program a run request asks for: block b's program
// with code as its source (for a notebook cell, assembled with the
// lesson's earlier cells, as the reader edited them), within the server's
// limits. The error is a problem at a lesson line: a cell that cannot be
// assembled.
func (s *Server) program(l *lesson.Lesson, b *lesson.Block, code string, cells map[string]string) (*engine.Program, error) {
	el, eb := edited(l, b, code, cells)
	p, err := check.Program(el, eb)
	if err != nil {
		return nil, err
	}
	if p.Timeout <= 0 || p.Timeout > s.cfg.MaxTimeout {
		p.Timeout = s.cfg.MaxTimeout
	}
	if p.MaxOutput <= 0 || p.MaxOutput > s.cfg.MaxOutput {
		p.MaxOutput = s.cfg.MaxOutput
	}
	return p, nil
}

// edited returns a copy of lesson l whose block b has code as its code,
// and whose notebook cells have the code cells gives them, and the copy
// of b.
func edited(l *lesson.Lesson, b *lesson.Block, code string, cells map[string]string) (*lesson.Lesson, *lesson.Block) {
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

// withCode returns a copy of b whose code is code.
func withCode(b *lesson.Block, code string) *lesson.Block {
	nb, f := *b, *b.Code
	f.Text = code
	nb.Code = &f
	return &nb
}

// execute waits for a place, runs r (or builds it) and streams its events
// to ev. Cancelling ctx stops the program and its whole process group.
func (s *Server) execute(ctx context.Context, r *run, ev *eventStream) {
	queued := func() { ev.send("queued", queuedEvent{Running: s.cfg.Running, Serial: r.block.Opts.Serial}) }
	done, err := s.lim.start(ctx, r.block.Opts.Serial, queued)
	if err != nil {
		return
	}
	defer done()
	res := &check.Result{Lesson: r.lesson, Block: r.block}
	switch {
	case r.progErr != nil:
		res.Status, res.Problems = verdict.Fail, []verdict.Problem{problemOf(r.block, r.progErr)}
	case r.buildOK:
		s.build(ctx, r, ev, res)
	default:
		s.runProgram(ctx, r, ev, res)
	}
	d := doneOf(res)
	d.Stopped, d.Edited, d.Exercise = r.wasStopped(), r.edited, r.block.Opts.Exercise
	d.HTML = s.pages.resultHTML(r.lesson, r.block, res)
	ev.send("done", d)
}

// doneOf returns the done event of a run's result.
func doneOf(res *check.Result) doneEvent {
	d := doneEvent{Status: res.Status.String(), Engine: res.Engine, Why: res.Why, Diff: res.Diff,
		Elapsed: ms(res.Elapsed), Problems: problems(res.Problems), Warnings: problems(res.Warnings)}
	if len(res.Runs) > 0 {
		o := res.Runs[0]
		d.Exit, d.Signal, d.Leftover = o.Exit, o.Signal, o.Leftover
		d.Build, d.Cached = ms(o.Build), o.Cached
	}
	return d
}

// merge records a verdict in a result.
func merge(res *check.Result, v *verdict.Verdict) {
	res.Status, res.Diff = v.Status, v.Diff
	res.Problems, res.Warnings = v.Problems, v.Warnings
}

// build compiles a block that is built but not run.
func (s *Server) build(ctx context.Context, r *run, ev *eventStream, res *check.Result) {
	res.Engine, res.Why = "compiled", "built only: the block has no output block"
	ev.send("start", startEvent{Engine: res.Engine, Why: res.Why})
	start := time.Now()
	err := s.cfg.Engines.Builder().Build(ctx, r.prog)
	merge(res, verdict.Built(r.block, err))
	res.Elapsed = time.Since(start)
}

// runProgram runs the program with the first engine its router picks,
// streaming its output, and judges the run.
func (s *Server) runProgram(ctx context.Context, r *run, ev *eventStream, res *check.Result) {
	route := s.cfg.Engines.Router.Route(r.block, r.prog)
	e := route.Engines[0]
	res.Engine, res.Why = e.Name(), route.Why
	ev.send("start", startEvent{Engine: res.Engine, Why: res.Why})
	var whole joiner // a character is never cut between two events
	send := func(x engine.Event, data string) {
		out := outputEvent{T: ms(x.Time), Data: data}
		if r.prog.Split {
			out.Stream = x.Stream.String()
		}
		ev.send("output", out)
	}
	o := e.Run(ctx, r.prog, func(x engine.Event) {
		if data := whole.next(x); data != "" {
			send(x, data)
		}
	})
	for _, x := range whole.rest() {
		x.Time = o.Elapsed
		send(x, string(x.Data))
	}
	merge(res, verdict.Judge(r.block, o))
	res.Runs, res.Elapsed = []*engine.Outcome{o}, o.Elapsed
	if o.Why != "" { // the engine ran it elsewhere (yaegi fell back to compiled)
		res.Engine, res.Why = o.Engine, o.Why
	}
}

// problemOf returns the problem of a block that has no program.
func problemOf(b *lesson.Block, err error) verdict.Problem {
	var pe *check.ProblemError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	return verdict.Problem{Line: b.Code.Line, Msg: err.Error()}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func problems(ps []verdict.Problem) []problem {
	out := make([]problem, len(ps))
	for i, p := range ps {
		out[i] = problem{Line: p.Line, Msg: p.Text()}
	}
	return out
}
