package verdict

import (
	"strings"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/match"
	"bingfa/runner/trace"
)

// judgeTrace matches the facts of the run's execution traces against the
// trace block of b, like output: a fact that does not hold fails the
// block at its line, with a diff; a soft line that does not match is a
// warning. A traced run without a trace block is only warned about when
// it left no trace to show.
func judgeTrace(v *Verdict, b *lesson.Block, o *engine.Outcome) {
	if !b.Opts.Trace {
		return
	}
	if b.Trace == nil {
		if o.TraceErr != nil {
			v.Warnings = append(v.Warnings, Problem{Line: b.Code.Line, Msg: "no execution trace to show: " + o.TraceErr.Error()})
		}
		return
	}
	f := b.Trace
	if len(o.Traces) == 0 {
		v.fail(f.Line, "no execution trace to check: %v", o.TraceErr)
		return
	}
	got := trace.FactsText(o.Traces, factsLang(f.Text))
	r := b.TraceWant.Match(got)
	for _, s := range r.Warnings {
		lines := *s
		lines.Msg = ""
		v.Warnings = append(v.Warnings, Problem{Line: f.BodyLine() + s.Line - 1,
			Msg: "soft trace fact did not hold (a warning, not a failure):\n" + strings.TrimSuffix(lines.String(), "\n")})
	}
	if r.OK {
		return
	}
	line := f.Line
	if r.Failure != nil && r.Failure.Line > 0 {
		line = f.BodyLine() + r.Failure.Line - 1
	}
	got = match.Normalize(got)
	v.fail(line, "trace facts differ:\n%s\n%s", r.Failure, diff(b.TraceWant.Display(got), got, false))
}

// factsLang is the language a trace block writes its facts in: English
// when it has an English fact's name, else Chinese.
func factsLang(expected string) string {
	if trace.English(expected) {
		return "en"
	}
	return "zh"
}
