package serve

import (
	"context"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/msg"
	"bingfa/runner/verdict"
)

// The events of a run's stream, in order: queued (only when it has to
// wait), start, output (any number), done.
type (
	queuedEvent struct {
		Running int  `json:"running"` // programs the server runs at once
		Serial  bool `json:"serial"`  // the block waits to run alone
		// Build is set when the run waits for its build; Built of Total
		// programs of the course's background build are built.
		Build bool `json:"build"`
		Built int  `json:"built"`
		Total int  `json:"total"`
	}
	startEvent struct {
		Engine string `json:"engine"`
		Why    string `json:"why"`           // why that engine, without its name
		Pos    string `json:"pos,omitempty"` // where the reason is found (path:line)
	}
	outputEvent struct {
		T      float64 `json:"t"`           // milliseconds since the program started
		Stream string  `json:"s,omitempty"` // "stdout" or "stderr" in a split run
		Data   string  `json:"d"`
	}
	doneEvent struct {
		Status   string    `json:"status"` // pass, fail, or stopped (neither)
		Engine   string    `json:"engine"`
		Why      string    `json:"why"`           // why that engine, without its name
		Pos      string    `json:"pos,omitempty"` // where the reason is found (path:line)
		Exit     int       `json:"exit"`
		Signal   string    `json:"signal,omitempty"`
		Elapsed  float64   `json:"elapsed"` // milliseconds the program ran, all its runs added up
		Runs     int       `json:"runs"`    // the runs, engine by engine
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

// newChecker returns the checker of a server's runs: the engines' own,
// running at most cfg.Running programs at once (a serial block alone),
// each within the server's limits.
func newChecker(cfg Config) *check.Checker {
	cc := cfg.Engines.Config()
	cc.Jobs = cfg.Running
	cc.Limit = func(p *engine.Program) {
		if p.Timeout <= 0 || p.Timeout > cfg.MaxTimeout {
			p.Timeout = cfg.MaxTimeout
		}
		if p.MaxOutput <= 0 || p.MaxOutput > cfg.MaxOutput {
			p.MaxOutput = cfg.MaxOutput
		}
	}
	return check.New(cc)
}

// execute has the checker run r's block (or build it), which waits for a
// place, and streams its events to ev. Cancelling ctx stops the program
// and its whole process group.
func (s *Server) execute(ctx context.Context, r *run, ev *eventStream) {
	var whole engine.Joiner          // a character is never cut between two events
	lang := s.pages.r.Lang(r.lesson) // every word of an event is the lesson's language
	send := func(x engine.Event, data string) {
		out := outputEvent{T: ms(x.Time), Data: data}
		if r.block.Out.Stream != "" {
			out.Stream = x.Stream.String()
		}
		ev.send("output", out)
	}
	res := s.check.Run(ctx, r.lesson, r.block, check.Watch{
		Edited: r.edited,
		Queued: func(w check.Wait) {
			ev.send("queued", queuedEvent{Running: s.cfg.Running, Serial: r.block.Opts.Serial,
				Build: w.Build, Built: w.Built, Total: w.Total})
		},
		Started: func(engine string, why check.Why) {
			ev.send("start", startEvent{Engine: engine, Why: lang.Why(why.Reason), Pos: why.Pos})
		},
		Output: func(x engine.Event) {
			if data := whole.Next(x); data != "" {
				send(x, data)
			}
		},
	})
	for _, x := range whole.Rest() {
		x.Time = res.Ran()
		send(x, string(x.Data))
	}
	d := doneOf(res, lang)
	d.Stopped, d.Edited, d.Exercise = r.wasStopped(), r.edited, r.block.Opts.Exercise
	d.HTML = s.pages.resultHTML(r.lesson, r.block, res)
	ev.send("done", d)
}

// doneOf returns the done event of a run's result, its words in lang.
func doneOf(res *check.Result, lang msg.Lang) doneEvent {
	d := doneEvent{Status: res.Status.String(), Engine: res.Engine, Why: lang.Why(res.Why.Reason), Pos: res.Why.Pos, Diff: res.Diff,
		Elapsed: ms(res.Elapsed), Runs: len(res.Runs), Problems: problems(res.Problems, lang), Warnings: problems(res.Warnings, lang)}
	if len(res.Runs) > 0 {
		o := res.Runs[0]
		d.Exit, d.Signal, d.Leftover = o.Exit, o.Signal, o.Leftover
		d.Build, d.Cached, d.Elapsed = ms(o.Build), o.Cached, ms(res.Ran())
	}
	return d
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func problems(ps []verdict.Problem, lang msg.Lang) []problem {
	out := make([]problem, len(ps))
	for i, p := range ps {
		out[i] = problem{Line: p.Line, Msg: lang.Report(p.Text())}
	}
	return out
}
