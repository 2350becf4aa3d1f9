package term

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/trace"
	"bingfa/runner/verdict"
)

// block has the checker run (or build) a program after waiting for the
// reader, and prints its output live and then its verdict.
func (r *Reader) block(ctx context.Context, b *lesson.Block) error {
	if !b.Builds() {
		return nil
	}
	if err := r.wait(ctx, b); err != nil {
		return err
	}
	out := &barWriter{r: r, atStart: true}
	res := r.Checker.Run(ctx, r.lesson, b, check.Watch{
		Queued: func(w check.Wait) { r.printf("%s\n", r.paint(dim, r.waiting(w))) },
		Started: func(engine string, why check.Why) {
			if b.Runs() {
				r.printf("%s\n", r.paint(dim, r.t("term.running", r.t("term.engine", engine, r.lang().Why(why.String())))))
			}
		},
		Output: out.emit,
	})
	if len(res.Runs) > 0 {
		out.end()
		if ts := res.Runs[0].Traces; len(ts) > 0 {
			r.printf("%s\n%s", r.paint(dim, r.t("trace.title")), safe(trace.Summary(ts, string(r.lang()))))
		}
	}
	r.verdict(b, res)
	return nil
}

// waiting returns what a run waits for, in the live page's words: a slot,
// its build, or its build and how far the background builds have got.
func (r *Reader) waiting(w check.Wait) string {
	switch {
	case !w.Build:
		return r.t("live.queued")
	case w.Total > 0:
		return r.t("live.building.n", fmt.Sprint(w.Built), fmt.Sprint(w.Total))
	}
	return r.t("live.building")
}

// note returns what a block's verdict is followed by: the engine that ran
// it and for how long, or how long it took to build.
func (r *Reader) note(b *lesson.Block, res *check.Result) string {
	switch {
	case !b.Runs() && res.Engine != "":
		return r.t("term.built") + r.took(r.t("term.in"), res.Elapsed)
	case len(res.Runs) == 0:
		return ""
	}
	note := res.Engine + r.took(r.t("term.ran"), res.Ran())
	if n := len(res.Runs); n > 1 {
		note += r.t("term.runs", n)
	}
	if o := res.Runs[0]; o.Build > 0 && !o.Cached {
		note += r.took(r.t("term.buildin"), o.Build)
	}
	return note
}

// verdict prints the verdict of one block and counts it.
func (r *Reader) verdict(b *lesson.Block, res *check.Result) {
	note := r.note(b, res)
	pass, fail := r.t("term.pass"), r.t("term.fail")
	if b.Opts.Exercise {
		pass, fail = r.t("term.done"), r.t("term.notyet")
	}
	switch res.Status {
	case verdict.Stopped:
		// Neither a pass nor a failure: nothing to compare.
		r.printf("%s %s\n\n", r.paint(yellow, r.t("term.stopped")), r.paint(dim, "("+note+")"))
		return
	case verdict.Pass:
		r.passed++
		r.printf("%s %s\n", r.paint(green, pass), r.paint(dim, "("+note+")"))
	default:
		r.count(b)
		r.printf("%s %s\n", r.paint(red, fail), r.paint(dim, "("+note+")"))
		for _, p := range res.Problems {
			r.printf("%s:%d: %s\n", safe(r.lesson.Path), p.Line, safe(r.lang().Report(p.Text())))
		}
	}
	for _, w := range res.Warnings {
		r.printf("%s\n", r.paint(yellow, fmt.Sprintf("%s:%d: %s%s", safe(r.lesson.Path), w.Line, r.t("run.warning"), safe(r.lang().Report(w.Text())))))
	}
	if res.Diff != "" {
		r.printf("%s", safe(res.Diff))
		r.ensureNewline(res.Diff)
	}
	r.printf("\n")
}

// wait waits for Enter before a program runs, unless reading straight
// through; q (or Q) and Enter stops; h and Enter shows the exercise's
// folded hint, then asks again. The end of input stops waiting; an
// interrupt (ctx) stops reading.
func (r *Reader) wait(ctx context.Context, b *lesson.Block) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if r.All || r.input == nil {
		return nil
	}
	defer func() { r.hint = nil }() // a hint belongs to the exercise after it
	for {
		prompt := r.t("term.prompt", safe(b.Name))
		if r.hint != nil {
			prompt = r.t("term.prompt.hint", safe(b.Name))
		}
		r.printf("%s", r.paint(yellow, prompt))
		var line string
		select {
		case <-ctx.Done():
			r.printf("\n")
			return ctx.Err()
		case l, ok := <-r.input:
			if !ok {
				r.printf("\n")
				r.input = nil
			}
			line = strings.ToLower(strings.TrimSpace(l))
		}
		switch {
		case line == "q":
			return ErrQuit
		case line == "h" && r.hint != nil:
			r.printf("\n")
			if err := r.children(ctx, r.hint, r.hintPrefix+r.paint(dim, "│ ")); err != nil {
				return err
			}
			r.hint = nil
			if r.input == nil {
				return nil
			}
			continue
		}
		return nil
	}
}

// A barWriter prints a program's output as it arrives, each line after a
// bar, its control characters escaped (see safe).
type barWriter struct {
	r       *Reader
	mu      sync.Mutex
	atStart bool
	whole   engine.Joiner // characters cut between two pieces of output
}

func (w *barWriter) emit(e engine.Event) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.print(e.Stream, w.whole.Next(e))
}

// print prints text of stream s, each line after a bar.
func (w *barWriter) print(s engine.Stream, text string) {
	bar := w.r.paint(green, "│ ")
	if s == engine.Stderr {
		bar = w.r.paint(red, "│ ")
	}
	for _, l := range strings.SplitAfter(text, "\n") {
		if l == "" {
			continue
		}
		if w.atStart {
			w.r.printf("%s", bar)
		}
		w.r.printf("%s", safe(l))
		w.atStart = strings.HasSuffix(l, "\n")
	}
}

// end prints the end of a character cut short, and finishes the last line
// of output.
func (w *barWriter) end() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, x := range w.whole.Rest() {
		w.print(x.Stream, string(x.Data))
	}
	if !w.atStart {
		w.r.printf("%s\n", w.r.paint(dim, w.r.t("term.nonewline")))
	}
}

// took returns label and d rounded, or nothing when times are left out.
func (r *Reader) took(label string, d time.Duration) string {
	if r.NoTimes {
		return ""
	}
	return label + round(d).String()
}

// round rounds a duration for display.
func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d
}
