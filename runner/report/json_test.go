package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// TestWriteJSON: a block's record says how long checking it took and,
// apart, how long its program ran (all runs), with the first run's exit
// status and timed output.
func TestWriteJSON(t *testing.T) {
	run := func(d time.Duration, out string) *engine.Outcome {
		return &engine.Outcome{Elapsed: d, Events: []engine.Event{{Stream: engine.Output, Time: d / 2, Data: []byte(out)}}}
	}
	rep := &check.Report{Elapsed: 3 * time.Second, Results: []*check.Result{{
		Lesson: &lesson.Lesson{Path: "l.md"}, Block: &lesson.Block{Name: "count", Code: &lesson.Fence{Line: 7}},
		Status: verdict.Pass, Engine: "compiled", Elapsed: 2 * time.Second,
		Runs: []*engine.Outcome{run(300*time.Millisecond, "1\n"), run(200*time.Millisecond, "1\n")},
	}}}
	var b strings.Builder
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	var doc JSONReport
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if doc.Passed != 1 || doc.Seconds != 3 || len(doc.Blocks) != 1 {
		t.Fatalf("report %+v", doc)
	}
	blk := doc.Blocks[0]
	if blk.File != "l.md" || blk.Line != 7 || blk.Seconds != 2 || blk.Ran != 0.5 || blk.Runs != 2 {
		t.Errorf("block %+v, want l.md:7, checked in 2s, ran 0.5s in 2 runs", blk)
	}
	if blk.Exit == nil || *blk.Exit != 0 || len(blk.Events) != 1 || blk.Events[0].Seconds != 0.15 || blk.Output != "1\n" {
		t.Errorf("first run: exit %v, events %+v, output %q", blk.Exit, blk.Events, blk.Output)
	}
}
