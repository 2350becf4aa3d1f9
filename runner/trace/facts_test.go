package trace

import (
	"testing"
	"time"
)

// TestMostAtOnce: overlapping running segments of two lanes count as two
// at once; segments that only touch (a hand-off) do not.
func TestMostAtOnce(t *testing.T) {
	ms := time.Millisecond
	run := func(from, to time.Duration, proc int) Segment {
		return Segment{Start: from * ms, End: to * ms, State: Running, Proc: proc}
	}
	for _, c := range []struct {
		name     string
		a, b     Segment
		most, ps int
	}{
		{"overlap", run(0, 10, 0), run(5, 15, 1), 2, 2},
		{"hand-off", run(0, 10, 0), run(10, 20, 0), 1, 1},
		{"apart", run(0, 5, 0), run(8, 9, 1), 1, 2},
	} {
		tr := &Trace{Duration: 20 * ms, Complete: true, Lanes: []*Lane{{ID: 1, Name: "main", Segments: []Segment{c.a}}, {ID: 2, Name: "main.f", Segments: []Segment{c.b}}}}
		if f := tr.Facts(); f.MostAtOnce != c.most || f.Procs != c.ps {
			t.Errorf("%s: most at once %d, Ps %d; want %d, %d", c.name, f.MostAtOnce, f.Procs, c.most, c.ps)
		}
	}
}
