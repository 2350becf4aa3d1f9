package check

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"time"

	"bingfa/runner/cell"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// Config configures a Checker.
type Config struct {
	Router  Router         // picks the engines of each block
	Builder engine.Builder // builds blocks that are not run
	// Jobs bounds the programs that run at once (a block run N times is
	// N programs; builds are not counted): when it is set, never more
	// than Jobs run, whatever Idle says, so that -j 1 means one program
	// at a time. 0 means as many as CPUs, and more while CPUs are idle
	// (Idle).
	Jobs int
	// Idle reports how many CPUs are idle (see package cpuload). When it
	// is set and Jobs is not, more programs than CPUs run at once, up to
	// 8 times as many, while the CPUs they are expected to need are idle,
	// or are not claimed by the programs running (History): programs that
	// sleep or wait leave the CPUs to others. When it is nil, at most as
	// many programs as CPUs run at once.
	Idle     func() float64
	Select   func(id string) bool // which blocks to check, by "lesson/block"; nil: all
	Observer Observer             // may be nil
	// History, when set, tells what each block cost last time, so that
	// the longest start first and those that mostly sleep run beside the
	// others, and learns what they cost now.
	History History
	// RunAll runs every block that would run if it had an output block
	// (neither nobuild nor norun, nor an exercise), judged as a block
	// with exit=0: update gives such blocks their output.
	RunAll bool
	// Limit, when set, may lower the limits of each program (its timeout,
	// its output cap) before it is built or run: a server's bounds.
	Limit func(p *engine.Program)
}

// A Checker checks lessons. It is safe for concurrent use.
type Checker struct {
	cfg   Config
	slots *slots
	mu    sync.Mutex
	// planned is closed when Check has handed every program to its
	// engine's batch: a program that is not built yet waits for it, so
	// that it is built with the others rather than alone. built is closed
	// when those builds are done: a serial block waits for it, so that no
	// build runs beside it. preloaded is closed once the router has
	// prepared, for all the programs at once, what routing them needs
	// (Preloader): a program already built waits for that, not for the
	// plan, before it is routed.
	planned, built, preloaded chan struct{}
	programs                  map[lessonBlock]made // see program
	cells                     cell.Assembler       // assembles the programs of cells
}

// plans returns channels closed when the latest Check has handed its
// programs to their engines, and when their builds are done.
func (c *Checker) plans() (planned, built chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.planned, c.built
}

// preloads returns a channel closed when the latest Check's router has
// prepared to route its programs.
func (c *Checker) preloads() chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.preloaded
}

// New returns a Checker.
func New(cfg Config) *Checker {
	idle := cfg.Idle
	if cfg.Jobs > 0 {
		idle = nil // a bound that was asked for is a bound
	} else {
		cfg.Jobs = runtime.NumCPU()
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	done := make(chan struct{})
	close(done)
	return &Checker{cfg: cfg, slots: newSlots(cfg.Jobs, idle), planned: done, built: done,
		preloaded: done, programs: map[lessonBlock]made{}}
}

// willRun reports whether block b is run, not only built.
func (c *Checker) willRun(b *lesson.Block) bool {
	return b.Runs() || c.cfg.RunAll && b.Opts.Mode == lesson.Run && !b.Opts.Exercise && !b.Opts.Server
}

// Selected returns the blocks of l that the configuration selects.
func (c *Checker) Selected(l *lesson.Lesson) []*lesson.Block {
	var bs []*lesson.Block
	for _, b := range l.Blocks {
		if c.cfg.Select == nil || c.cfg.Select(l.ID(b)) {
			bs = append(bs, b)
		}
	}
	return bs
}

// Check checks every selected block of lessons.
func (c *Checker) Check(ctx context.Context, lessons []*lesson.Lesson) *Report {
	start := time.Now()
	total := 0
	for _, l := range lessons {
		total += len(c.Selected(l))
	}
	c.cfg.Observer.Start(total)
	// Blocks start as soon as their own program is built, while the
	// others are still being built; those already built start at once,
	// while the others are being planned (routing them may first ask go
	// list for type information).
	planned, built, preloaded := make(chan struct{}), make(chan struct{}), make(chan struct{})
	c.mu.Lock()
	c.planned, c.built, c.preloaded = planned, built, preloaded
	c.mu.Unlock()
	t := newTally(c, lessons, planned)
	go func() {
		defer close(built)
		batches := c.plan(ctx, lessons, func() { close(preloaded) })
		t.empty() // the observer hears of the builds first
		// The blocks wait for their builds once the engines have them
		// in hand: a block's own build would not be in its batch.
		wait := c.register(ctx, batches)
		close(planned)
		wait()
	}()
	// Every block that is not serial is under way at once: the slots
	// bound the programs that run, and a block waiting for its build
	// leaves them to the others. The blocks that ran longest last time
	// are set under way first, so that they are first to ask for a slot
	// (making each program ready, such as checking its cached binary,
	// takes a moment). Serial blocks come last, one at a time, when
	// nothing else runs or builds: they would otherwise stop every other
	// block while they wait for the machine to be quiet.
	var wg sync.WaitGroup
	for _, lb := range c.longestFirst(roundRobin(c, lessons)) {
		if !alone(lb.b) {
			wg.Go(func() { t.done(lb, c.Block(ctx, lb.l, lb.b)) })
		}
	}
	wg.Wait()
	for _, lb := range t.order {
		if alone(lb.b) {
			t.done(lb, c.Block(ctx, lb.l, lb.b))
		}
	}
	<-planned // when no block waited for it
	r := &Report{Elapsed: time.Since(start)}
	for _, rs := range t.results {
		r.Results = append(r.Results, rs...)
	}
	return r
}

// CheckLoaded checks the lessons that lesson.Load returned, as Check does,
// with err, the error it returned beside them: the format errors of the
// lessons that could not be parsed are reported (the observer hears of
// them first when it is a BrokenObserver) and each such lesson counts as
// failed, while every other lesson is checked. Any other error is
// returned: nothing was checked.
func (c *Checker) CheckLoaded(ctx context.Context, lessons []*lesson.Lesson, err error) (*Report, error) {
	var broken lesson.ErrorList
	if err != nil && !errors.As(err, &broken) {
		return nil, err
	}
	if bo, ok := c.cfg.Observer.(BrokenObserver); ok && len(broken) > 0 {
		bo.Broken(broken)
	}
	rep := c.Check(ctx, lessons)
	rep.Broken = broken
	return rep, nil
}

// A tally collects the results of Check in lesson and block order, and
// tells the observer when a lesson is done.
type tally struct {
	c       *Checker
	lessons []*lesson.Lesson
	planned chan struct{} // closed once the observer heard of the builds
	order   []lessonBlock // every selected block, lesson by lesson
	index   map[*lesson.Block][2]int
	mu      sync.Mutex
	results [][]*Result
	left    []int
}

func newTally(c *Checker, lessons []*lesson.Lesson, planned chan struct{}) *tally {
	t := &tally{c: c, lessons: lessons, planned: planned, index: map[*lesson.Block][2]int{},
		results: make([][]*Result, len(lessons)), left: make([]int, len(lessons))}
	for i, l := range lessons {
		sel := c.Selected(l)
		t.results[i] = make([]*Result, len(sel))
		t.left[i] = len(sel)
		for k, b := range sel {
			t.index[b] = [2]int{i, k}
			t.order = append(t.order, lessonBlock{l, b})
		}
	}
	return t
}

// empty tells the observer of the lessons with no block selected: they
// are done.
func (t *tally) empty() {
	for i, l := range t.lessons {
		if len(t.results[i]) == 0 {
			t.c.cfg.Observer.LessonDone(l, nil)
		}
	}
}

// done records the result of a block. The observer hears of it once
// Check has planned its builds, which it hears of first.
func (t *tally) done(lb lessonBlock, r *Result) {
	<-t.planned
	t.c.cfg.Observer.BlockDone(r)
	t.mu.Lock()
	at := t.index[lb.b]
	t.results[at[0]][at[1]] = r
	t.left[at[0]]--
	last := t.left[at[0]] == 0
	t.mu.Unlock()
	if last {
		t.c.cfg.Observer.LessonDone(lb.l, t.results[at[0]])
	}
}

// Prebuild builds every selected program of lessons whose engine can
// prepare programs, in as few batches as possible, and waits for them, as
// background work: a reader's run (Run) goes first, and the builds under
// way yield the CPUs to its build (see engine.Background).
func (c *Checker) Prebuild(ctx context.Context, lessons []*lesson.Lesson) {
	ctx = engine.Background(ctx)
	c.prepare(ctx, c.plan(ctx, lessons, nil))
}

// A batch is the programs one engine prepares.
type batch struct {
	pr engine.Preparer
	ps []*engine.Program
}

// plan returns the programs each engine prepares. Programs are handed
// over round-robin by lesson (the first block of each lesson, then the
// second of each, and so on), the order in which Check needs them, since
// lessons are checked at once. preloaded, when not nil, is called once
// the router has prepared to route the programs.
func (c *Checker) plan(ctx context.Context, lessons []*lesson.Lesson, preloaded func()) []*batch {
	var batches []*batch
	add := func(e any, p *engine.Program) {
		pr, ok := e.(engine.Preparer)
		if !ok {
			return
		}
		for _, b := range batches {
			if b.pr == pr {
				b.ps = append(b.ps, p)
				return
			}
		}
		batches = append(batches, &batch{pr, []*engine.Program{p}})
	}
	type item struct {
		b *lesson.Block
		p *engine.Program
	}
	var items []item
	var run []*engine.Program
	for _, lb := range roundRobin(c, lessons) {
		if !lb.b.Builds() {
			continue
		}
		p, err := c.program(lb.l, lb.b)
		if err != nil {
			continue
		}
		items = append(items, item{lb.b, p})
		if c.willRun(lb.b) {
			run = append(run, p)
		}
	}
	// The programs that ran longest last time are built first, so that
	// they can start first.
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Compare(c.longest(b.p.ID), c.longest(a.p.ID))
	})
	if pl, ok := c.cfg.Router.(Preloader); ok {
		pl.Preload(ctx, run)
	}
	if preloaded != nil {
		preloaded()
	}
	for _, it := range items {
		if !c.willRun(it.b) {
			add(c.cfg.Builder, it.p)
			continue
		}
		for _, e := range c.cfg.Router.Route(it.b, it.p).Engines {
			add(e, it.p)
		}
	}
	for _, b := range batches {
		c.cfg.Observer.Building(len(b.ps))
	}
	return batches
}

// prepare has every engine prepare its programs, at once, and waits.
func (c *Checker) prepare(ctx context.Context, batches []*batch) { c.register(ctx, batches)() }

// register has every engine prepare its programs, at once, and returns
// once those that can (engine.Planner) have them in hand; the function
// it returns waits until all are prepared.
func (c *Checker) register(ctx context.Context, batches []*batch) (wait func()) {
	var wg sync.WaitGroup
	for _, b := range batches {
		if pl, ok := b.pr.(engine.Planner); ok {
			wg.Go(pl.Plan(ctx, b.ps))
			continue
		}
		wg.Go(func() { b.pr.Prepare(ctx, b.ps) })
	}
	return wg.Wait
}

type lessonBlock struct {
	l *lesson.Lesson
	b *lesson.Block
}

// roundRobin returns the selected blocks of lessons, the first of each
// lesson first, then the second of each, and so on.
func roundRobin(c *Checker, lessons []*lesson.Lesson) []lessonBlock {
	sel := make([][]*lesson.Block, len(lessons))
	most := 0
	for i, l := range lessons {
		sel[i] = c.Selected(l)
		most = max(most, len(sel[i]))
	}
	var out []lessonBlock
	for k := range most {
		for i, l := range lessons {
			if k < len(sel[i]) {
				out = append(out, lessonBlock{l, sel[i][k]})
			}
		}
	}
	return out
}

// longestFirst returns lbs, those that ran longest last time first, the
// others in their order.
func (c *Checker) longestFirst(lbs []lessonBlock) []lessonBlock {
	wall := make(map[*lesson.Block]time.Duration, len(lbs))
	for _, lb := range lbs {
		wall[lb.b] = c.longest(lb.l.ID(lb.b))
	}
	slices.SortStableFunc(lbs, func(a, b lessonBlock) int { return cmp.Compare(wall[b.b], wall[a.b]) })
	return lbs
}

type nopObserver struct{}

func (nopObserver) Start(int)                            {}
func (nopObserver) Building(int)                         {}
func (nopObserver) BlockDone(*Result)                    {}
func (nopObserver) LessonDone(*lesson.Lesson, []*Result) {}
