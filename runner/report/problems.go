package report

import (
	"fmt"
	"strings"

	"bingfa/runner/check"
	"bingfa/runner/verdict"
)

// ANSI colours.
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	cyan   = "36"
)

func (t *Terminal) paint(s, color string) string { return paint(s, color, t.color) }

func paint(s, color string, on bool) string {
	if !on {
		return s
	}
	return "\033[" + color + "m" + s + "\033[0m"
}

// WriteProblems writes a block's problems and warnings, each starting with
// "path:line: block NAME:", then the diff, then, for a block run several
// times with show=distinct, its distinct outputs.
func WriteProblems(b *strings.Builder, r *check.Result, color bool) {
	for _, p := range r.Problems {
		writeProblem(b, r, p, "", color)
	}
	for _, w := range r.Warnings {
		writeProblem(b, r, w, paint("warning: ", yellow, color), color)
	}
	if r.Diff != "" {
		writeDiff(b, r.Diff, color)
	}
	if r.Block.Opts.Distinct && len(r.Distinct) > 0 {
		WriteDistinct(b, r)
	}
}

func writeProblem(b *strings.Builder, r *check.Result, p verdict.Problem, prefix string, color bool) {
	fmt.Fprintf(b, "%s:%d: block %s: %s%s\n", r.Lesson.Path, p.Line, r.Block.Name, prefix, indentRest(printable(p.Msg)))
}

// indentRest indents every line of a message but the first.
func indentRest(msg string) string {
	return strings.ReplaceAll(strings.TrimRight(msg, "\n"), "\n", "\n    ")
}

func writeDiff(b *strings.Builder, diff string, color bool) {
	for _, line := range strings.Split(strings.TrimRight(diff, "\n"), "\n") {
		line = printable(line)
		switch {
		case strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "---"):
			line = paint(line, "1", color)
		case strings.HasPrefix(line, "+"):
			line = paint(line, green, color)
		case strings.HasPrefix(line, "-"):
			line = paint(line, red, color)
		case strings.HasPrefix(line, "@@"):
			line = paint(line, cyan, color)
		}
		b.WriteString("    " + line + "\n")
	}
}

// WriteDistinct lists the distinct outputs of a block run several times.
func WriteDistinct(b *strings.Builder, r *check.Result) {
	fmt.Fprintf(b, "%s:%d: block %s: %d runs, %s:\n", r.Lesson.Path, r.Block.Code.Line, r.Block.Name, len(r.Runs), plural(len(r.Distinct), "distinct output"))
	for i, d := range r.Distinct {
		fmt.Fprintf(b, "    #%d, %d of %d runs:\n", i+1, d.Count, len(r.Runs))
		for _, line := range strings.Split(d.Output, "\n") {
			b.WriteString("        " + printable(line) + "\n")
		}
	}
}
