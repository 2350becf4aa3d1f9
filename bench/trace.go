package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
)

// A traceCost is what recording an execution trace costs one traced
// block (the option trace): its run without and with the trace, and the
// time bingfa takes to read the trace back and parse it.
type traceCost struct {
	p             *program
	plain, traced time.Duration // the program's run, shortest of traceRuns
	total         time.Duration // the traced run from start to parsed trace, shortest
	lanes, procs  int
}

// traceRuns is how many times each traced block runs each way.
const traceRuns = 5

// traces measures the traced blocks of the course, each run alone by the
// compiled engine, untraced and traced, outside the sandbox (which needs
// bingfa's own binary), after a first run of each has built it.
func (b *bench) traces() error {
	e := compiled.New(b.path("cache-trace"))
	defer e.Close()
	for _, p := range b.ps {
		if !p.block.Opts.Trace {
			continue
		}
		ep, err := check.Program(p.les, p.block)
		if err != nil {
			return err
		}
		ep.Unconfined = true
		plain := *ep
		plain.Trace = false
		c := traceCost{p: p}
		for i := range traceRuns + 1 {
			op, err := runOnce(e, &plain)
			if err != nil {
				return err
			}
			start := time.Now()
			ot, err := runOnce(e, ep)
			total := time.Since(start)
			if err != nil {
				return err
			}
			if ot.TraceErr != nil {
				return fmt.Errorf("%s: %v", p.ID, ot.TraceErr)
			}
			if i == 0 {
				continue // the build
			}
			if c.plain == 0 || op.Elapsed < c.plain {
				c.plain = op.Elapsed
			}
			if c.traced == 0 || ot.Elapsed < c.traced {
				c.traced = ot.Elapsed
			}
			if c.total == 0 || total < c.total {
				c.total = total
			}
			c.procs, c.lanes = len(ot.Traces), 0
			for _, t := range ot.Traces {
				c.lanes += len(t.Lanes)
			}
		}
		b.traceCosts = append(b.traceCosts, c)
		fmt.Printf("%-58s %8.3fs %8.3fs\n", "trace: "+p.ID, c.plain.Seconds(), c.traced.Seconds())
	}
	return nil
}

func runOnce(e *compiled.Engine, p *engine.Program) (*engine.Outcome, error) {
	o := e.Run(context.Background(), p, nil)
	if o.Err != nil {
		return o, fmt.Errorf("%s: %v", p.ID, o.Err)
	}
	return o, nil
}

// writeTraces reports what tracing costs the traced blocks.
func (b *bench) writeTraces(s *strings.Builder) {
	if len(b.traceCosts) == 0 {
		return
	}
	var plain, traced time.Duration
	for _, c := range b.traceCosts {
		plain += c.plain
		traced += c.traced
	}
	fmt.Fprintf(s, "\n## What tracing costs\n\nThe %d blocks with the option `trace`, each run alone by the compiled engine %d times without and with the trace (outside the sandbox; the shortest run of each way counts). *Run* is the program's wall time; *with reading* adds bingfa's reading back and parsing of the trace, which the page waits for. Altogether the traced blocks ran %.3f s untraced and %.3f s traced (%.2f×).\n\n",
		len(b.traceCosts), traceRuns, plain.Seconds(), traced.Seconds(), traced.Seconds()/plain.Seconds())
	s.WriteString("| block | run s | traced run s | × | with reading s | goroutines |\n|---|---|---|---|---|---|\n")
	for _, c := range b.traceCosts {
		fmt.Fprintf(s, "| %s | %.3f | %.3f | %.2f | %.3f | %d |\n", c.p.ID, c.plain.Seconds(), c.traced.Seconds(), c.traced.Seconds()/c.plain.Seconds(), c.total.Seconds(), c.lanes)
	}
}
