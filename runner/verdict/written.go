package verdict

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/match"
)

// judgeWritten matches the files the run wrote against the written file
// blocks of b, each at its own fence: a file missing or different fails
// the block.
func judgeWritten(v *Verdict, b *lesson.Block, o *engine.Outcome) {
	for _, w := range b.Written {
		data, ok := fileOf(o, w.Path)
		if !ok {
			v.fail(w.Fence.Line, "the program did not write %s", w.Path)
			continue
		}
		r := w.Want.Match(string(data))
		for _, s := range r.Warnings {
			line := w.Fence.BodyLine() + s.Line - 1
			v.Warnings = append(v.Warnings, Problem{Line: line, Msg: "soft line of " + w.Path + " did not match (a warning, not a failure):\n" + s.String()})
		}
		if r.OK {
			continue
		}
		line := w.Fence.Line
		if r.Failure != nil && r.Failure.Line > 0 {
			line = w.Fence.BodyLine() + r.Failure.Line - 1
		}
		got := match.Normalize(string(data))
		v.fail(line, "%s differs:\n%s\n%s", w.Path, r.Failure, diff(w.Want.Display(got), got, false))
	}
}

// fileOf returns the content of the file at path that the run left.
func fileOf(o *engine.Outcome, path string) ([]byte, bool) {
	for _, f := range o.Files {
		if f.Path == path {
			return f.Data, true
		}
	}
	return nil, false
}
