package trace

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	xtrace "golang.org/x/exp/trace"
)

// goState is what the reader knows of one goroutine while reading.
type goState struct {
	lane   *Lane
	system bool
	state  State
	why    Why
	reason string
	proc   int
	since  xtrace.Time
	open   bool // a segment is open since since
}

// reader builds a Trace from events.
type reader struct {
	first, last xtrace.Time
	gs          map[xtrace.GoID]*goState
	order       []*goState
	gomaxprocs  int
	stopped     bool
}

// Read reads one execution trace. A trace cut off before its end (the
// program exited without stopping it) is returned with Complete false and
// no error, with what it held up to the cut.
func Read(r io.Reader) (*Trace, error) {
	tr, err := xtrace.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading trace: %w", err)
	}
	rd := &reader{gs: map[xtrace.GoID]*goState{}, first: -1}
	complete := true
	for {
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			complete = false
			break
		}
		rd.event(ev)
	}
	if rd.first < 0 {
		return nil, errors.New("reading trace: no events")
	}
	t := rd.finish()
	t.Complete = complete
	return t, nil
}

func (rd *reader) event(ev xtrace.Event) {
	if rd.first < 0 {
		rd.first = ev.Time()
	}
	rd.last = ev.Time()
	switch ev.Kind() {
	case xtrace.EventMetric:
		m := ev.Metric()
		if m.Name == "/sched/gomaxprocs:threads" {
			rd.gomaxprocs = int(m.Value.Uint64())
		}
	case xtrace.EventStateTransition:
		st := ev.StateTransition()
		if st.Resource.Kind == xtrace.ResourceGoroutine {
			rd.goTransition(ev, st)
		}
	}
}

func (rd *reader) goTransition(ev xtrace.Event, st xtrace.StateTransition) {
	id := st.Resource.Goroutine()
	from, to := st.Goroutine()
	g := rd.gs[id]
	if g == nil {
		g = rd.newGoroutine(id, from, st.Stack)
	}
	if g.system {
		return
	}
	g.rename(st.Stack)
	rd.close(g, ev.Time())
	switch to {
	case xtrace.GoRunning:
		g.state, g.why, g.reason, g.proc = Running, WhyNone, "", int(ev.Proc())
	case xtrace.GoRunnable:
		g.state, g.why, g.reason, g.proc = Runnable, WhyNone, "", -1
	case xtrace.GoWaiting:
		g.state, g.why, g.reason, g.proc = Blocked, whyOf(st.Reason), st.Reason, -1
	case xtrace.GoSyscall:
		g.state, g.why, g.reason, g.proc = Syscall, WhyNone, "", int(ev.Proc())
	default: // NotExist: the goroutine ended
		return
	}
	if g.state == Running && g.proc < 0 {
		g.proc = 0
	}
	g.since, g.open = ev.Time(), true
}

// newGoroutine starts tracking a goroutine first seen in a transition.
// Its name is the function it started in: the first frame of a creation
// stack, the last frame of a stack taken later.
func (rd *reader) newGoroutine(id xtrace.GoID, from xtrace.GoState, stk xtrace.Stack) *goState {
	var frames []string
	for f := range stk.Frames() {
		frames = append(frames, f.Func)
	}
	name := ""
	if len(frames) > 0 {
		name = frames[len(frames)-1]
		if from == xtrace.GoNotExist {
			name = frames[0]
		}
	}
	g := &goState{lane: &Lane{ID: int64(id), Name: name}}
	switch {
	case id == 1:
		g.lane.Name = "main"
	case name == "":
		g.lane.Name = fmt.Sprintf("goroutine %d", id)
		g.system = from != xtrace.GoNotExist
	default:
		g.system = isSystem(name)
	}
	rd.gs[id] = g
	if !g.system {
		rd.order = append(rd.order, g)
	}
	return g
}

// rename names g after its outermost frame in package main when its
// start function is the standard library's (sync.(*WaitGroup).Go starts
// the function it is given from a closure of its own).
func (g *goState) rename(stk xtrace.Stack) {
	if g.lane.ID == 1 || strings.HasPrefix(g.lane.Name, "main.") {
		return
	}
	name := ""
	for f := range stk.Frames() {
		if strings.HasPrefix(f.Func, "main.") {
			name = f.Func
		}
	}
	if name != "" {
		g.lane.Name = name
	}
}

// isSystem tells the runtime's and the tracer's own goroutines.
func isSystem(fn string) bool {
	for _, p := range []string{"runtime.", "runtime/", "internal/"} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// close ends g's open segment at t.
func (rd *reader) close(g *goState, t xtrace.Time) {
	if !g.open {
		return
	}
	g.open = false
	if t <= g.since {
		return
	}
	g.lane.Segments = append(g.lane.Segments, Segment{
		Start: rd.rel(g.since), End: rd.rel(t),
		State: g.state, Why: g.why, Reason: g.reason, Proc: g.proc,
	})
}

func (rd *reader) rel(t xtrace.Time) time.Duration { return t.Sub(rd.first) }

func (rd *reader) finish() *Trace {
	t := &Trace{Duration: rd.rel(rd.last), GOMAXPROCS: rd.gomaxprocs}
	for _, g := range rd.order {
		rd.close(g, rd.last)
		t.Lanes = append(t.Lanes, g.lane)
	}
	return t
}
