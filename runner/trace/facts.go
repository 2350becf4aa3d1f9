package trace

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Facts are what a lesson can check about a traced run.
type Facts struct {
	Goroutines  int           // the program's goroutines, main included
	MostAtOnce  int           // most of them running at the same instant
	Procs       int           // distinct processors (Ps) they ran on
	GOMAXPROCS  int           // processors the runtime had
	BlockedChan time.Duration // total time blocked on channels (and select)
	BlockedSync time.Duration // total time blocked on locks, WaitGroups, Conds
	Running     time.Duration // total time running, summed over goroutines
	Incomplete  bool          // the trace was cut off before its end
}

// Facts computes the facts of t.
func (t *Trace) Facts() Facts {
	f := Facts{Goroutines: len(t.Lanes), GOMAXPROCS: t.GOMAXPROCS, Incomplete: !t.Complete}
	procs := map[int]bool{}
	for _, l := range t.Lanes {
		for _, s := range l.Segments {
			d := s.End - s.Start
			switch {
			case s.State == Running:
				procs[s.Proc] = true
				f.Running += d
			case s.Why == WhyChannel:
				f.BlockedChan += d
			case s.Why == WhySync:
				f.BlockedSync += d
			}
		}
	}
	f.Procs = len(procs)
	f.MostAtOnce = maxOf(t.Concurrency())
	return f
}

// A Step is the number of goroutines running from At until the next step.
type Step struct {
	At time.Duration
	N  int
}

// Concurrency is how many of the program's goroutines were running over
// time, as steps in time order.
func (t *Trace) Concurrency() []Step {
	type edge struct {
		at time.Duration
		d  int
	}
	var es []edge
	for _, l := range t.Lanes {
		for _, s := range l.Segments {
			if s.State == Running {
				es = append(es, edge{s.Start, +1}, edge{s.End, -1})
			}
		}
	}
	// Ends before starts at the same instant: touching segments (a
	// hand-off) are not "at once".
	slices.SortFunc(es, func(a, b edge) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return a.d - b.d
	})
	var steps []Step
	n := 0
	for _, e := range es {
		n += e.d
		if len(steps) > 0 && steps[len(steps)-1].At == e.at {
			steps[len(steps)-1].N = n
			continue
		}
		steps = append(steps, Step{e.at, n})
	}
	return steps
}

func maxOf(steps []Step) int {
	m := 0
	for _, s := range steps {
		m = max(m, s.N)
	}
	return m
}

// Text prints the facts one per line in the language lang ("zh" or
// "en"), in a fixed order, for an expected block to match.
func (f Facts) Text(lang string) string {
	w := words(lang)
	var b strings.Builder
	line := func(key, val string) { fmt.Fprintf(&b, "%s%s%s\n", w[key], w["sep"], val) }
	line("goroutines", fmt.Sprint(f.Goroutines))
	line("most", fmt.Sprint(f.MostAtOnce))
	line("procs", fmt.Sprint(f.Procs))
	line("gomaxprocs", fmt.Sprint(f.GOMAXPROCS))
	line("chan", round(f.BlockedChan).String())
	line("sync", round(f.BlockedSync).String())
	if f.Incomplete {
		b.WriteString(w["incomplete"] + "\n")
	}
	return b.String()
}

// round keeps three significant digits of a duration, as people read it.
func round(d time.Duration) time.Duration {
	for _, u := range []time.Duration{time.Second, time.Millisecond, time.Microsecond} {
		if d >= u {
			return d.Round(u / 100)
		}
	}
	return d
}

// FactsText prints the facts of a run's traces in the language lang, as a
// trace block of a lesson matches them: Facts.Text of its one trace, or
// for a run of several processes, each one's after a line "# 进程 N".
func FactsText(ts []*Trace, lang string) string {
	if len(ts) == 1 {
		return ts[0].Facts().Text(lang)
	}
	var b strings.Builder
	for i, t := range ts {
		fmt.Fprintf(&b, words(lang)["process"]+"\n", i+1)
		b.WriteString(t.Facts().Text(lang))
	}
	return b.String()
}

// English reports whether text, the facts a lesson expects, names a fact
// in English ("goroutines: 3") rather than in Chinese.
func English(text string) bool {
	en, zh := words("en"), words("zh")
	for _, k := range []string{"goroutines", "most", "procs", "chan", "sync"} {
		if strings.Contains(text, en[k]+en["sep"]) && !strings.Contains(text, zh[k]+zh["sep"]) {
			return true
		}
	}
	return false
}
