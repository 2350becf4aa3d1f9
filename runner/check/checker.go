package check

import (
	"context"
	"runtime"
	"sync"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// Config configures a Checker.
type Config struct {
	Router   Router               // picks the engines of each block
	Builder  engine.Builder       // builds blocks that are not run
	Jobs     int                  // lessons and programs at once; 0 means the number of CPUs
	Select   func(id string) bool // which blocks to check, by "lesson/block"; nil: all
	Observer Observer             // may be nil
}

// A Checker checks lessons. It is safe for concurrent use.
type Checker struct {
	cfg   Config
	slots *slots
}

// New returns a Checker.
func New(cfg Config) *Checker {
	if cfg.Jobs <= 0 {
		cfg.Jobs = runtime.NumCPU()
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	return &Checker{cfg: cfg, slots: newSlots(cfg.Jobs)}
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
	c.Prepare(ctx, lessons)
	results := make([][]*Result, len(lessons))
	// Every lesson is under way at once: the slots bound the programs
	// that run, and a lesson waiting for its serial block or its build
	// leaves the slots to the others' blocks.
	var wg sync.WaitGroup
	for i, l := range lessons {
		wg.Go(func() { results[i] = c.Lesson(ctx, l) })
	}
	wg.Wait()
	r := &Report{Elapsed: time.Since(start)}
	for _, rs := range results {
		r.Results = append(r.Results, rs...)
	}
	return r
}

// Lesson checks the selected blocks of l in order.
func (c *Checker) Lesson(ctx context.Context, l *lesson.Lesson) []*Result {
	var rs []*Result
	for _, b := range c.Selected(l) {
		r := c.Block(ctx, l, b)
		c.cfg.Observer.BlockDone(r)
		rs = append(rs, r)
	}
	c.cfg.Observer.LessonDone(l, rs)
	return rs
}

// Prepare builds, in as few batches as possible, every selected program of
// lessons whose engine can prepare programs.
func (c *Checker) Prepare(ctx context.Context, lessons []*lesson.Lesson) {
	batches := map[engine.Preparer][]*engine.Program{}
	var order []engine.Preparer
	add := func(e any, p *engine.Program) {
		pr, ok := e.(engine.Preparer)
		if !ok {
			return
		}
		if _, seen := batches[pr]; !seen {
			order = append(order, pr)
		}
		batches[pr] = append(batches[pr], p)
	}
	for _, l := range lessons {
		for _, b := range c.Selected(l) {
			if !b.Builds() {
				continue
			}
			p, err := Program(l, b)
			if err != nil {
				continue
			}
			if !b.Runs() {
				add(c.cfg.Builder, p)
				continue
			}
			for _, e := range c.cfg.Router.Route(b, p).Engines {
				add(e, p)
			}
		}
	}
	for _, pr := range order {
		c.cfg.Observer.Building(len(batches[pr]))
		pr.Prepare(ctx, batches[pr])
	}
}

type nopObserver struct{}

func (nopObserver) Start(int)                            {}
func (nopObserver) Building(int)                         {}
func (nopObserver) BlockDone(*Result)                    {}
func (nopObserver) LessonDone(*lesson.Lesson, []*Result) {}
