package trace

import (
	"cmp"
	"slices"
	"time"
)

// MaxLanes bounds the lanes of a picture.
const MaxLanes = 24

// A run is a stretch of columns of a picture that show one segment kind:
// the kind that took most of the time in each of its columns.
type run struct {
	from, to int // columns [from, to)
	seg      Segment
	dur      time.Duration // the time of that kind within the run
}

// kind is what a picture distinguishes: the state, and for blocked
// segments why.
type kind struct {
	state State
	why   Why
}

func kindOf(s Segment) kind { return kind{s.State, s.Why} }

// columns splits lane l into n columns over d and merges neighbouring
// columns of the same kind into runs. A column where the goroutine did
// not exist is in no run.
func columns(l *Lane, d time.Duration, n int) []run {
	if d <= 0 || n <= 0 {
		return nil
	}
	width := float64(d) / float64(n)
	var runs []run
	si := 0
	for c := range n {
		lo := time.Duration(float64(c) * width)
		hi := time.Duration(float64(c+1) * width)
		for si < len(l.Segments) && l.Segments[si].End <= lo {
			si++
		}
		best, ok := dominant(l.Segments[si:], lo, hi)
		if !ok {
			continue
		}
		if k := len(runs) - 1; k >= 0 && runs[k].to == c && kindOf(runs[k].seg) == kindOf(best.seg) {
			runs[k].to = c + 1
			runs[k].dur += best.dur
			continue
		}
		runs = append(runs, run{from: c, to: c + 1, seg: best.seg, dur: best.dur})
	}
	return runs
}

// dominant is the segment kind that covers most of [lo, hi) among segs
// (sorted by start), with its time in the column.
func dominant(segs []Segment, lo, hi time.Duration) (run, bool) {
	type acc struct {
		seg Segment
		dur time.Duration
	}
	var accs []acc
	for _, s := range segs {
		if s.Start >= hi {
			break
		}
		d := min(s.End, hi) - max(s.Start, lo)
		if d <= 0 {
			continue
		}
		i := slices.IndexFunc(accs, func(a acc) bool { return kindOf(a.seg) == kindOf(s) })
		if i < 0 {
			accs = append(accs, acc{s, 0})
			i = len(accs) - 1
		}
		accs[i].dur += d
	}
	if len(accs) == 0 {
		return run{}, false
	}
	best := slices.MaxFunc(accs, func(a, b acc) int { return cmp.Compare(a.dur, b.dur) })
	return run{seg: best.seg, dur: best.dur}, true
}

// shown is the lanes a picture draws: all of them, or the MaxLanes
// busiest in their order of creation; and how many were left out.
func (t *Trace) shown() ([]*Lane, int) {
	if len(t.Lanes) <= MaxLanes {
		return t.Lanes, 0
	}
	busiest := slices.Clone(t.Lanes)
	slices.SortStableFunc(busiest, func(a, b *Lane) int { return cmp.Compare(b.busy(), a.busy()) })
	keep := map[*Lane]bool{}
	for _, l := range busiest[:MaxLanes] {
		keep[l] = true
	}
	var ls []*Lane
	for _, l := range t.Lanes {
		if keep[l] {
			ls = append(ls, l)
		}
	}
	return ls, len(t.Lanes) - MaxLanes
}
