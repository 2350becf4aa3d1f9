package term

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// block runs (or builds) a program after waiting for the reader, and
// prints its output live and then its verdict.
func (r *Reader) block(b *lesson.Block) error {
	if !b.Builds() {
		return nil
	}
	if err := r.wait(b); err != nil {
		return err
	}
	p, err := check.Program(r.lesson, b)
	var v *verdict.Verdict
	var note string
	switch {
	case err != nil:
		v = &verdict.Verdict{Status: verdict.Fail, Problems: []verdict.Problem{problemOf(b, err)}}
	case b.Runs():
		v, note = r.run(b, p)
	default:
		start := time.Now()
		v = verdict.Built(b, r.Builder.Build(r.ctx, p))
		note = r.t("term.built") + r.took(r.t("term.in"), time.Since(start))
	}
	r.verdict(b, v, note)
	return nil
}

// problemOf returns the problem of a block that has no program.
func problemOf(b *lesson.Block, err error) verdict.Problem {
	var pe *check.ProblemError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	return verdict.Problem{Line: b.Code.Line, Msg: err.Error()}
}

// run runs p with the engine its router picks first, its output printed
// as it comes, and judges the run.
func (r *Reader) run(b *lesson.Block, p *engine.Program) (*verdict.Verdict, string) {
	route := r.Router.Route(b, p)
	e := route.Engines[0]
	why := route.Why
	if !strings.HasPrefix(why, e.Name()+":") {
		why = e.Name() + ": " + why
	}
	r.printf("%s\n", r.paint(dim, r.t("term.running", r.lang().Report(why))))
	out := &barWriter{r: r, atStart: true}
	o := e.Run(r.ctx, p, out.emit)
	out.end()
	note := e.Name() + r.took(r.t("term.ran"), o.Elapsed)
	if o.Build > 0 && !o.Cached {
		note += r.took(r.t("term.buildin"), o.Build)
	}
	return verdict.Judge(b, o), note
}

// verdict prints the verdict of one program and counts it.
func (r *Reader) verdict(b *lesson.Block, v *verdict.Verdict, note string) {
	pass, fail := r.t("term.pass"), r.t("term.fail")
	if b.Opts.Exercise {
		pass, fail = r.t("term.done"), r.t("term.notyet")
	}
	switch v.Status {
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
		for _, p := range v.Problems {
			r.printf("%s:%d: %s\n", safe(r.lesson.Path), p.Line, safe(r.lang().Report(p.Msg)))
		}
	}
	for _, w := range v.Warnings {
		r.printf("%s\n", r.paint(yellow, fmt.Sprintf("%s:%d: %s%s", safe(r.lesson.Path), w.Line, r.t("run.warning"), safe(r.lang().Report(w.Msg)))))
	}
	if v.Diff != "" {
		r.printf("%s", safe(v.Diff))
		r.ensureNewline(v.Diff)
	}
	r.printf("\n")
}

// wait waits for Enter before a program runs, unless reading straight
// through; q (or Q) and Enter stops. The end of input stops waiting; an
// interrupt (ctx) stops reading.
func (r *Reader) wait(b *lesson.Block) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if r.All || r.input == nil {
		return nil
	}
	r.printf("%s", r.paint(yellow, r.t("term.prompt", safe(b.Name))))
	select {
	case <-r.ctx.Done():
		r.printf("\n")
		return r.ctx.Err()
	case line, ok := <-r.input:
		if !ok {
			r.printf("\n")
			r.input = nil
		}
		if strings.EqualFold(strings.TrimSpace(line), "q") {
			return ErrQuit
		}
	}
	return nil
}

// A barWriter prints a program's output as it arrives, each line after a
// bar, its control characters escaped (see safe).
type barWriter struct {
	r       *Reader
	mu      sync.Mutex
	atStart bool
	streams [2]pieces // stdout's and stderr's characters cut between two pieces
}

func (w *barWriter) emit(e engine.Event) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.print(e.Stream, w.stream(e.Stream).next(e.Data))
}

// stream returns what is left of stream s between its pieces.
func (w *barWriter) stream(s engine.Stream) *pieces {
	if s == engine.Stderr {
		return &w.streams[1]
	}
	return &w.streams[0]
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
	w.print(engine.Stdout, w.streams[0].flush())
	w.print(engine.Stderr, w.streams[1].flush())
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
