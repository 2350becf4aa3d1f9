package render

import (
	"cmp"
	"fmt"
	"strings"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
	"bingfa/runner/verdict"
)

// maxShown is how much of a run's output a page holds (pane and replay
// each). A program may print up to its maxoutput (1 MiB by default); a
// page that big helps no reader.
const maxShown = 64 << 10

// maxTimelineLines is how many lines of output a timeline shows: a row
// each, the first ones.
const maxTimelineLines = 300

// Block returns the view of block b of lesson l, with its check result
// res (nil when it was not checked), as the cell with element id id. A
// live reader calls it again with the result of a run to redraw a cell
// (see CellHTML).
func (r *Renderer) Block(l *lesson.Lesson, b *lesson.Block, res *check.Result, id string) *Block {
	codeLang := lesson.LangGo
	if b.Python() {
		codeLang = lesson.LangPython
	}
	v := &Block{
		Block:    b,
		Result:   res,
		ID:       id,
		Key:      l.ID(b),
		Name:     b.Name,
		Code:     r.hl.highlight(codeLang, b.Code.Text, true),
		CodeLang: codeLang,
		Source:   b.Code.Text,
		Tags:     tags(b, r.Lang(l)),
		Lang:     r.Lang(l),
		Exercise: b.Opts.Exercise,
		IsCell:   b.Opts.Cell,
		Expected: b.Expected(),
		Stream:   b.Out.Stream,
	}
	v.Status = status(b, res)
	if v.Status == Expected {
		v.notRun()
	}
	if res == nil {
		return v
	}
	v.Engine, v.Why, v.Elapsed = res.Engine, res.Why.String(), res.Elapsed
	v.Problems, v.Warnings = problems(res.Problems), problems(res.Warnings)
	if res.Status == verdict.Skip && b.Python() {
		// Not run where there is no Python: the reader is told why.
		v.Warnings = append(v.Warnings, Problem{Msg: res.Why.Reason})
	}
	if v.buildFailed(l) {
		return v
	}
	if i := shownRun(res); i >= 0 && i < len(res.Verdicts) {
		v.run(b, res.Runs[i], res.Verdicts[i])
	}
	if b.Opts.Runs > 1 && len(res.Distinct) > 0 {
		v.Distinct = newDistinct(res.Runs, res.Distinct, v.Lang)
	}
	return v
}

// status returns how block b is presented given its result res (nil
// when it was not checked).
func status(b *lesson.Block, res *check.Result) Status {
	switch {
	case res == nil && b.Runs() && b.Output != nil:
		return Expected
	case res != nil && res.Status == verdict.Skip && b.Python() && b.Output != nil:
		return Expected // not run where there is no Python
	case res == nil || res.Status == verdict.Skip:
		return Shown
	case res.Status == verdict.Fail:
		return Failed
	case res.Status == verdict.Stopped:
		return Stopped
	case len(res.Runs) == 0:
		return Built
	}
	return Passed
}

// notRun fills in a block that was not run (not checked, or a Python
// program where there is no Python): its expected output is what the
// pane shows.
func (v *Block) notRun() {
	if v.Status == Expected {
		v.Output = []Chunk{{Stream: v.Block.Out.Stream, Text: v.Expected}}
		if strings.Contains(v.Expected, "{{") {
			v.ExpectedHTML = chipLines(v.Lang, v.Expected)
		}
	}
}

// run fills in the output of the run o that the page shows, and its
// verdict vd.
func (v *Block) run(b *lesson.Block, o *engine.Outcome, vd *verdict.Verdict) {
	v.Exit, v.Signal = o.Exit, o.Signal
	v.Engine = cmp.Or(v.Engine, o.Engine)
	if o.Elapsed > 0 {
		v.Elapsed = o.Elapsed
	}
	evs := clip(o.Events, maxShown, v.Lang.T("result.clipped"))
	v.Output = chunks(evs)
	v.Replay = newReplay(evs, o.Elapsed, b.Out.Stream != "")
	ls := foldReports(lines(evs))
	if len(ls) > maxTimelineLines {
		ls = ls[:maxTimelineLines] // when the first lines appeared
	}
	v.Timeline = timeline(ls, o.Elapsed, v.Lang)
	v.Marks = runMarks(b, o.Text(reportStream(b)), strings.Count(v.Source, "\n")+1, v.Lang)
	v.Traces = traces(o.Traces, v.Lang)
	if v.Status == Failed && vd.Diff != "" {
		v.Diff = newDiff(b, o.Text(verdict.Stream(b)), vd, v.Lang)
	}
	if v.Status == Passed && strings.Contains(v.Expected, "{{") {
		v.Matched = newDiff(b, o.Text(verdict.Stream(b)), &verdict.Verdict{}, v.Lang)
	}
}

// shownRun returns the index of the run a page shows of a block run one
// or more times (-1 for none): on failure the first failing run, else one
// that printed the most frequent output.
func shownRun(res *check.Result) int {
	if len(res.Runs) == 0 {
		return -1
	}
	for i, vd := range res.Verdicts {
		if res.Status == verdict.Fail && vd.Status == verdict.Fail {
			return i
		}
	}
	for i, vd := range res.Verdicts {
		if len(res.Distinct) > 0 && vd.Actual == res.Distinct[0].Output {
			return i
		}
	}
	return 0
}

// reportStream is the stream on which the Go runtime's reports of a run
// of b are found: standard error, or the combined output.
func reportStream(b *lesson.Block) engine.Stream {
	if b.Out.Stream != "" {
		return engine.Stderr
	}
	return engine.Output
}

// streamName is the name of an event's stream in pages: "" for the
// combined stream.
func streamName(s engine.Stream) string {
	if s == engine.Output {
		return ""
	}
	return s.String()
}

func problems(ps []verdict.Problem) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{Line: p.Line, Msg: p.Text()}
	}
	return out
}

// tags describes the options of b that a reader should see: how it is
// run, and with what.
func tags(b *lesson.Block, lang msg.Lang) []string {
	o := &b.Opts
	var t []string
	add := func(cond bool, s string) {
		if cond {
			t = append(t, s)
		}
	}
	add(b.Python(), lang.T("tag.python"))
	add(o.Exercise, lang.T("tag.exercise"))
	add(o.Mode == lesson.NoRun, lang.T("tag.norun"))
	add(o.Mode == lesson.NoBuild, lang.T("tag.nobuild"))
	add(o.Cell, lang.T("tag.cell"))
	add(len(o.Args) > 0, lang.T("tag.args", strings.Join(o.Args, " ")))
	for _, e := range o.Env {
		add(true, e)
	}
	add(o.Runs > 1, lang.T("tag.runs", o.Runs))
	add(o.Race, "-race")
	add(o.Expect.Kind != "", fmt.Sprintf("expect=%s", o.Expect))
	add(o.ExitSet && o.Exit != 0, lang.T("tag.exit", o.Exit))
	add(o.Serial, lang.T("tag.serial"))
	add(o.Trace, lang.T("tag.trace"))
	add(o.Engine != lesson.EngineAuto, fmt.Sprintf("engine=%s", o.Engine))
	add(o.Timeout != lesson.DefaultTimeout, lang.T("tag.timeout", o.Timeout))
	return t
}
