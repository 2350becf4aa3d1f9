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
	if err := Doc(rep).Write(&b); err != nil {
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

// TestWriteJSONEngines: for a block that two engines ran, each engine's
// verdict, output and diff are its own, and each problem names its
// engine; the block's own fields are the first engine's.
func TestWriteJSONEngines(t *testing.T) {
	run := func(name, out string) *engine.Outcome {
		return &engine.Outcome{Engine: name, Events: []engine.Event{{Stream: engine.Output, Data: []byte(out)}}}
	}
	c, y := run("compiled", "main.point\n"), run("yaegi", "struct {}\n")
	rep := &check.Report{Results: []*check.Result{{
		Lesson: &lesson.Lesson{Path: "l.md"}, Block: &lesson.Block{Name: "b", Code: &lesson.Fence{Line: 3}},
		Status: verdict.Fail, Engine: "compiled+yaegi", Diff: "+++ actual of compiled\n",
		Problems: []verdict.Problem{{Line: 3, Msg: "engines disagree"}, {Line: 9, Msg: "output differs", Engine: "compiled"},
			{Line: 9, Msg: "output differs", Engine: "yaegi"}},
		Runs: []*engine.Outcome{c, y},
		Engines: []*check.EngineResult{
			{Engine: "compiled", Status: verdict.Fail, Diff: "+++ actual of compiled\n", Runs: []*engine.Outcome{c}},
			{Engine: "yaegi", Status: verdict.Fail, Diff: "+++ actual of yaegi\n", Runs: []*engine.Outcome{y}},
		},
	}}}
	var b strings.Builder
	if err := Doc(rep).Write(&b); err != nil {
		t.Fatal(err)
	}
	var doc JSONReport
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	blk := doc.Blocks[0]
	if blk.Output != "main.point\n" || blk.Diff != "+++ actual of compiled\n" {
		t.Errorf("block output %q, diff %q: want the compiled engine's", blk.Output, blk.Diff)
	}
	if len(blk.Engines) != 2 {
		t.Fatalf("engines %+v, want 2", blk.Engines)
	}
	for i, want := range []struct{ engine, output, diff string }{
		{"compiled", "main.point\n", "+++ actual of compiled\n"}, {"yaegi", "struct {}\n", "+++ actual of yaegi\n"},
	} {
		e := blk.Engines[i]
		if e.Engine != want.engine || e.Verdict != "fail" || e.Output != want.output || e.Diff != want.diff || e.Runs != 1 || e.Exit == nil {
			t.Errorf("engine %d: %+v, want %s's output %q and diff %q", i, e, want.engine, want.output, want.diff)
		}
	}
	for i, name := range []string{"", "compiled", "yaegi"} {
		if blk.Problems[i].Engine != name {
			t.Errorf("problem %d: engine %q, want %q", i, blk.Problems[i].Engine, name)
		}
	}
}

// TestWriteJSONBroken: a lesson that could not be parsed is in the report,
// with its errors, and counts as failed.
func TestWriteJSONBroken(t *testing.T) {
	rep := &check.Report{Broken: lesson.ErrorList{
		{Path: "a.md", Line: 7, Col: 7, Msg: `unknown program option "tiemout"`},
		{Path: "a.md", Line: 9, Msg: "unclosed fence"},
		{Path: "c.md", Line: 1, Msg: "bad front matter"},
	}}
	var b strings.Builder
	if err := Doc(rep).Write(&b); err != nil {
		t.Fatal(err)
	}
	var doc JSONReport
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if doc.Failed != 2 || len(doc.Broken) != 2 || doc.Broken[0].File != "a.md" || len(doc.Broken[0].Errors) != 2 ||
		doc.Broken[0].Errors[0] != (JSONProblem{Line: 7, Col: 7, Message: `unknown program option "tiemout"`}) || doc.Broken[1].File != "c.md" {
		t.Errorf("report %+v, want 2 failed: a.md with 2 errors, c.md", doc)
	}
}
