package verdict

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/trace"
)

// handoff is a trace of two goroutines on one P, one after the other,
// main blocked on a channel meanwhile: 2 goroutines, 1 at once, 1 P.
func handoff() *trace.Trace {
	ms := time.Millisecond
	return &trace.Trace{Duration: 3 * ms, GOMAXPROCS: 1, Complete: true, Lanes: []*trace.Lane{
		{ID: 1, Name: "main", Segments: []trace.Segment{
			{Start: 0, End: ms, State: trace.Running, Proc: 0},
			{Start: ms, End: 2 * ms, State: trace.Blocked, Why: trace.WhyChannel, Reason: "chan receive", Proc: -1},
			{Start: 2 * ms, End: 3 * ms, State: trace.Running, Proc: 0},
		}},
		{ID: 2, Name: "main.main.func1", Segments: []trace.Segment{
			{Start: ms, End: 2 * ms, State: trace.Running, Proc: 0},
		}},
	}}
}

// TestJudgeTrace judges trace blocks against the facts of a run's
// traces: they hold, a fact does not (a failure at its line, with a
// diff), a soft fact does not (a warning), the run left no trace (a
// failure at the fence), facts written in English, and a traced block
// without a trace block.
func TestJudgeTrace(t *testing.T) {
	one := []*trace.Trace{handoff()}
	for _, c := range []struct {
		name, facts string
		traces      []*trace.Trace
		status      Status
		problem     string // in the problem, "" for none
		warning     string // in the warning, "" for none
	}{
		{"hold", "goroutine：2\n同时运行最多：1\n用到的 P：1\nGOMAXPROCS：1\n阻塞在通道上：{{duration}}\n阻塞在锁上：0s\n", one, Pass, "", ""},
		{"near miss", "goroutine：2\n同时运行最多：2\n{{...}}\n", one, Fail, "line 16: trace facts differ:\nexpected line 2: 同时运行最多：2", ""},
		{"soft", "goroutine：2\n{{soft}}同时运行最多：2\n{{...}}\n", one, Pass, "", "line 16: soft trace fact did not hold"},
		{"english", "goroutines: 2\nmost running at once: 1\n{{...}}\n", one, Pass, "", ""},
		{"no trace", "goroutine：2\n{{...}}\n", nil, Fail, "line 14: no execution trace to check: cut off", ""},
		{"no block", "", nil, Pass, "", "line 5: no execution trace to show: cut off"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "# T\n\n\n\n```go trace\npackage main\n\nfunc main() {}\n```\n\n```output\n```\n\n"
			if c.facts != "" {
				src += "```trace\n" + c.facts + "```\n"
			}
			l, err := lesson.Parse("t.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			o := &engine.Outcome{Traces: c.traces}
			if c.traces == nil {
				o.TraceErr = errors.New("cut off")
			}
			v := Judge(l.Blocks[0], o)
			if v.Status != c.status {
				t.Errorf("status %v, want %v; problems %v", v.Status, c.status, v.Problems)
			}
			check := func(what string, ps []Problem, want string) {
				var got []string
				for _, p := range ps {
					got = append(got, "line "+strconv.Itoa(p.Line)+": "+p.Msg)
				}
				all := strings.Join(got, "\n")
				if want == "" && len(ps) > 0 || want != "" && !strings.Contains(all, want) {
					t.Errorf("%s:\n%s\nwant one with %q", what, all, want)
				}
			}
			check("problems", v.Problems, c.problem)
			check("warnings", v.Warnings, c.warning)
		})
	}
}
