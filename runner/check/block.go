package check

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// Block checks one block: builds it, or runs it as many times as it asks
// with each engine its router picks, and judges every run.
func (c *Checker) Block(ctx context.Context, l *lesson.Lesson, b *lesson.Block) *Result {
	return c.block(ctx, l, b, Watch{}.filled(false))
}

// block checks one block, as w says (see Run).
func (c *Checker) block(ctx context.Context, l *lesson.Lesson, b *lesson.Block, w *Watch) *Result {
	start := time.Now()
	r := &Result{Lesson: l, Block: b}
	defer func() { r.Elapsed = time.Since(start) }()
	if !b.Builds() {
		r.Status, r.Why = verdict.Skip, Why{Reason: "nobuild: shown, not compiled"}
		return r
	}
	p, err := c.program(l, b)
	if problem, ok := drift(l, b, p); !ok && !w.Edited {
		r.Status = verdict.Fail
		r.Problems = append(r.Problems, problem)
	}
	if b.Opts.Cell {
		if problem, ok := c.blocked(ctx, l, b); ok {
			r.Status = verdict.Fail
			r.Problems = append(r.Problems, problem)
			return r
		}
	}
	if err != nil {
		r.Status = verdict.Fail
		r.Problems = append(r.Problems, problemOf(b, err))
		return r
	}
	if b.Opts.Exercise && !w.reader {
		var ok bool
		if p, ok = c.exercise(ctx, r, l, b, p); !ok {
			return r
		}
	}
	if !c.willRun(b) {
		r.Engine, r.Why = "compiled", Why{Reason: builtOnly(b)}
		c.building(c.cfg.Builder, p, w)
		w.Started(r.Engine, r.Why)
		r.merge(verdict.Built(b, c.build(ctx, p)))
		return r
	}
	c.afterPlan(ctx, c.cfg.Builder, p) // a program not built yet is routed with the others
	route := c.cfg.Router.Route(b, p)
	r.Why = route.Why
	if route.Skip {
		r.Status = verdict.Skip
		return r
	}
	var names []string
	for _, e := range route.Engines {
		names = append(names, e.Name())
	}
	w.engine, w.why = strings.Join(names, "+"), route.Why
	for k, e := range route.Engines {
		v, er := c.runs(ctx, e, b, p, w, k)
		if len(route.Engines) > 1 {
			v.ForEngine(e.Name())
			er.Diff = v.Diff
			r.Engines = append(r.Engines, er)
		}
		r.Runs = append(r.Runs, er.Runs...)
		r.Verdicts = append(r.Verdicts, er.Verdicts...)
		if r.Distinct == nil {
			r.Distinct = er.Distinct
		}
		r.merge(v)
	}
	r.Engine = strings.Join(names, "+")
	if len(r.Engines) > 1 {
		r.Diff = r.Engines[0].Diff
		r.disagree(b)
	}
	if len(route.Engines) == 1 && len(r.Runs) > 0 && r.Runs[0].Why != "" {
		// The engine ran the program elsewhere: yaegi fell back to compiled.
		r.Engine, r.Why = r.Runs[0].Engine, Why{Reason: r.Runs[0].Why}
	}
	return r
}

// disagree fails a block that several engines ran when they disagree:
// one passes and another fails, or both fail on different outputs. A run
// that was stopped says nothing.
func (r *Result) disagree(b *lesson.Block) {
	first := r.Engines[0]
	for _, e := range r.Engines[1:] {
		var msg string
		switch {
		case e.Status == verdict.Stopped || first.Status == verdict.Stopped:
			continue
		case e.Status != first.Status:
			msg = fmt.Sprintf("engines disagree: %s says %s, %s says %s", first.Engine, first.Status, e.Engine, e.Status)
		case e.Status == verdict.Fail && e.Actual != first.Actual:
			msg = fmt.Sprintf("engines disagree: %s and %s both fail, but their outputs differ (see each one's diff)", first.Engine, e.Engine)
		default:
			continue
		}
		r.Status = verdict.Fail
		r.Problems = append(r.Problems, verdict.Problem{Line: b.Code.Line, Msg: msg})
	}
}

// build compiles a block that is not run.
func (c *Checker) build(ctx context.Context, p *engine.Program) error {
	if c.cfg.Builder == nil {
		return engine.Failuref(engine.Broken, "no engine can build programs")
	}
	c.afterPlan(ctx, c.cfg.Builder, p)
	return c.cfg.Builder.Build(ctx, p)
}

// building tells w, when p is not built yet by engine e, that the run
// waits for its build, and how far the background builds have got.
func (c *Checker) building(e any, p *engine.Program, w *Watch) {
	if cc, ok := e.(engine.Cacher); !w.reader || !ok || cc.Cached(p) {
		return
	}
	wt := Wait{Build: true}
	if bl, ok := e.(interface{ Backlog() (int, int) }); ok {
		wt.Built, wt.Total = bl.Backlog()
	}
	w.Queued(wt)
}

// afterPlan waits, unless p is ready in builder's cache, until Check has
// handed every program to its engine, so that p is built in its batch
// rather than alone. A program in builder's cache waits only until the
// router has prepared to route all of Check's programs at once (the type
// information that routing asks go list for: one go list for every
// program, rather than one for each program routed before it is ready).
// A program in another language than Go (a Python script) is not built,
// and its router needs nothing that Check prepares: it does not wait.
func (c *Checker) afterPlan(ctx context.Context, builder any, p *engine.Program) {
	if p.Lang != "" {
		return
	}
	wait, _ := c.plans()
	if cc, ok := builder.(engine.Cacher); ok && cc.Cached(p) {
		wait = c.preloads()
	}
	select {
	case <-wait:
	case <-ctx.Done():
	}
}

// ready waits, without holding a slot, until p can start: until its
// engine has built it, and for a serial block until no build is left
// running beside it.
func (c *Checker) ready(ctx context.Context, e engine.Engine, p *engine.Program, serial bool) {
	if bd, ok := e.(engine.Builder); ok {
		_ = bd.Build(ctx, p) // a failure is reported by Run; Block waited for the plan
	}
	if serial {
		_, built := c.plans()
		select {
		case <-built:
		case <-ctx.Done():
		}
	}
}

// runs runs block b Runs times with engine e, the k'th of its route, and
// judges each run. It returns the combined verdict (the first failing
// run's, or the first run's) and what the engine made of the block. A
// reader's runs go ahead of the programs of Check; w watches the first.
func (c *Checker) runs(ctx context.Context, e engine.Engine, b *lesson.Block, p *engine.Program, w *Watch, k int) (*verdict.Verdict, *EngineResult) {
	n := b.Opts.Runs
	key := historyKey(p.ID, e.Name())
	outs := make([]*engine.Outcome, n)
	verdicts := make([]*verdict.Verdict, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		run := func() {
			defer wg.Done()
			first := k == 0 && i == 0
			var queued func()
			emit := func(engine.Event) {}
			if first {
				c.building(e, p, w)
				queued, emit = func() { w.Queued(Wait{}) }, w.Output
			}
			c.ready(ctx, e, p, alone(b))
			release := c.slots.acquire(ctx, alone(b), c.expect(key), w.reader, queued)
			defer release()
			if first {
				w.Started(w.engine, w.why)
			}
			began := time.Now()
			rctx := ctx
			if first && w.reader {
				rctx = engine.Live(ctx) // its output is shown as it comes
			}
			outs[i] = e.Run(rctx, p, emit)
			c.learn(key, outs[i], time.Since(began))
			verdicts[i] = verdict.Judge(b, outs[i])
		}
		if alone(b) {
			run()
		} else {
			go run()
		}
	}
	wg.Wait()
	er := &EngineResult{Engine: e.Name(), Runs: outs, Verdicts: verdicts}
	if n > 1 {
		er.Distinct = distinct(verdicts)
	}
	v := verdicts[0]
	for i, w := range verdicts {
		if w.Status == verdict.Fail {
			if n > 1 {
				prefixRun(w, i+1, n)
			}
			v = w
			break
		}
		if w.Status == verdict.Stopped && v.Status != verdict.Stopped {
			v = w
		}
	}
	if n > 1 {
		v = withWarningsOf(v, verdicts)
	}
	er.Status, er.Actual = v.Status, v.Actual
	return v, er
}

// withWarningsOf returns v (the verdict of one of several runs) with the
// warnings of the other runs about lines it has no warning about, each
// saying which run it comes from: a soft line that missed only in a later
// run is reported too, once.
func withWarningsOf(v *verdict.Verdict, runs []*verdict.Verdict) *verdict.Verdict {
	warned := map[int]bool{}
	for _, w := range v.Warnings {
		warned[w.Line] = true
	}
	combined := *v
	combined.Warnings = slices.Clone(v.Warnings)
	for i, r := range runs {
		for _, w := range r.Warnings {
			if r == v || warned[w.Line] {
				continue
			}
			warned[w.Line] = true
			w.Msg = fmt.Sprintf("run %d of %d: %s", i+1, len(runs), w.Msg)
			combined.Warnings = append(combined.Warnings, w)
		}
	}
	return &combined
}

// expect returns what the program with history key cost last time, the
// zero Cost when unknown.
func (c *Checker) expect(key string) Cost {
	if c.cfg.History == nil {
		return Cost{}
	}
	return c.cfg.History.Expect(key)
}

// longest returns the longest wall time of block id's program last time,
// by any engine; 0 when unknown.
func (c *Checker) longest(id string) time.Duration {
	if c.cfg.History == nil {
		return 0
	}
	return c.cfg.History.Longest(id)
}

// learn records what a program that ran to its end, or to its time
// limit, cost, given how long its engine took to run it (held its slot):
// its wall time is that, which includes what the engine did beyond
// running the program (starting the sandbox, a test's go test -c, reading
// a trace). A build within that time counts as processor time on top of
// the program's: go keeps a CPU busy. The slot is what the history is
// for: a program stopped at its time limit (one that waits for what never
// comes) will hold its slot as long next time, and is to start among the
// first, not last as a program never seen.
func (c *Checker) learn(key string, o *engine.Outcome, held time.Duration) {
	if c.cfg.History != nil && (o.Err == nil || engine.IsFailure(o.Err, engine.Timeout)) {
		extra := max(held-o.Elapsed, 0)
		c.cfg.History.Record(key, Cost{Wall: o.Elapsed + extra, CPU: o.CPU + min(o.Build, extra)})
	}
}

// merge adds a verdict's findings to the result. A failure fails it; a
// stopped run stops a result that has not failed.
func (r *Result) merge(v *verdict.Verdict) {
	switch {
	case v.Status == verdict.Fail:
		r.Status = verdict.Fail
	case v.Status == verdict.Stopped && r.Status != verdict.Fail:
		r.Status = verdict.Stopped
	}
	r.Problems = append(r.Problems, v.Problems...)
	r.Warnings = append(r.Warnings, v.Warnings...)
	if r.Diff == "" {
		r.Diff = v.Diff
	}
}

// prefixRun says which run of several a verdict's problems come from.
func prefixRun(v *verdict.Verdict, i, n int) {
	for j := range v.Problems {
		v.Problems[j].Msg = fmt.Sprintf("run %d of %d: %s", i, n, v.Problems[j].Msg)
	}
}

// distinct counts the different outputs of several runs, most frequent
// first.
func distinct(vs []*verdict.Verdict) []Distinct {
	counts := map[string]int{}
	for _, v := range vs {
		counts[v.Actual]++
	}
	ds := make([]Distinct, 0, len(counts))
	for out, n := range counts {
		ds = append(ds, Distinct{Output: out, Count: n})
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].Count != ds[j].Count {
			return ds[i].Count > ds[j].Count
		}
		return ds[i].Output < ds[j].Output
	})
	return ds
}
