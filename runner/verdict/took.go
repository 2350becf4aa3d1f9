package verdict

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// judgeTook checks the run's wall time against took=: outside the bound
// is a warning, or a failure for a hard bound (took=<3s!).
func judgeTook(v *Verdict, b *lesson.Block, o *engine.Outcome) {
	bound := b.TookBound()
	if bound == nil {
		return
	}
	why := bound.Check(o.Elapsed)
	if why == "" {
		return
	}
	line := b.Code.Line
	if b.Output != nil {
		line = b.Output.Line
	}
	if bound.Hard {
		v.fail(line, "%s", why)
		return
	}
	v.Warnings = append(v.Warnings, Problem{Line: line, Msg: why + " (a warning: end the bound with ! to fail)"})
}
