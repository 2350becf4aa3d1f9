package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/verdict"
)

// ANSI colours.
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	cyan   = "36"
)

func (t *Terminal) paint(s, color string) string {
	return paint(s, color, Colors{On: t.color, Light: t.light})
}

// paint returns s in the ANSI colour color (or its light-background
// counterpart), when c is on.
func paint(s, color string, c Colors) string {
	if !c.On {
		return s
	}
	if l, ok := lightColors[color]; ok && c.Light {
		color = l
	}
	return "\033[" + color + "m" + s + "\033[0m"
}

// WriteProblems writes a block's problems and warnings, each starting with
// "path:line: block NAME:", then the diff, then, for a block run several
// times with show=distinct, its distinct outputs. For a block that
// several engines ran, the block's own problems come first, then each
// engine's problems, warnings, diff and distinct outputs, each naming the
// engine. A problem or warning already written is not written again: a
// block run several times that fails the same way reports it once.
// Problems are painted in the colours color (for a light or a dark
// background; none when color.On is false).
func WriteProblems(b *strings.Builder, r *check.Result, color Colors) {
	if len(r.Engines) <= 1 {
		writeSection(b, r, r.Problems, r.Warnings, r.Diff, r.Runs, r.Distinct, "", color)
		return
	}
	own := func(ps []verdict.Problem) []verdict.Problem {
		return slices.DeleteFunc(slices.Clone(ps), func(p verdict.Problem) bool { return p.Engine != "" })
	}
	writeSection(b, r, own(r.Problems), own(r.Warnings), "", nil, nil, "", color)
	for _, e := range r.Engines {
		problems, warnings := r.EngineProblems(e)
		writeSection(b, r, problems, warnings, e.Diff, e.Runs, e.Distinct, e.Engine, color)
	}
}

// writeSection writes problems and warnings, each once, then diff and,
// for a block with show=distinct, the distinct outputs ds of runs (of
// engine name, when not "").
func writeSection(b *strings.Builder, r *check.Result, problems, warnings []verdict.Problem, diff string,
	runs []*engine.Outcome, ds []check.Distinct, name string, color Colors) {
	for _, p := range unique(problems) {
		writeProblem(b, r, p, "", color)
	}
	for _, w := range unique(warnings) {
		writeProblem(b, r, w, paint("warning: ", yellow, color), color)
	}
	if diff != "" {
		writeDiff(b, diff, color)
	}
	if r.Block.Opts.Distinct && len(ds) > 0 {
		WriteDistinct(b, r, runs, ds, name)
	}
}

// unique returns ps without repeated problems, in order.
func unique[P comparable](ps []P) []P {
	var out []P
	for _, p := range ps {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func writeProblem(b *strings.Builder, r *check.Result, p verdict.Problem, prefix string, color Colors) {
	fmt.Fprintf(b, "%s:%d: block %s: %s%s\n", r.Lesson.Path, p.Line, r.Block.Name, prefix, indentRest(Printable(p.Text())))
}

// indentRest indents every line of a message but the first, and clips
// long lines (an output line quoted in full).
func indentRest(msg string) string {
	lines := strings.Split(strings.TrimRight(msg, "\n"), "\n")
	for i, l := range lines {
		lines[i] = clipLine(l)
	}
	return strings.Join(lines, "\n    ")
}

// Limits of a diff and of the lines of a problem in the terminal: a
// program that floods its output, or prints one enormous line, must not
// flood the report too. The JSON report keeps the whole output.
const (
	maxDiffLines    = 200
	maxDiffLineSize = 400
)

func writeDiff(b *strings.Builder, diff string, color Colors) {
	lines := strings.Split(strings.TrimRight(diff, "\n"), "\n")
	if len(lines) > maxDiffLines {
		more := len(lines) - maxDiffLines
		lines = append(lines[:maxDiffLines:maxDiffLines], fmt.Sprintf("... and %d more lines of diff (the JSON report has the whole output)", more))
	}
	for _, line := range lines {
		line = Printable(clipLine(line))
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

// clipLine shortens a line longer than maxDiffLineSize bytes, at a rune
// boundary, saying how much was left out.
func clipLine(line string) string {
	if len(line) <= maxDiffLineSize {
		return line
	}
	cut := maxDiffLineSize
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", line[:cut], len(line)-cut)
}

// WriteDistinct lists the distinct outputs ds of runs of block r, those
// of engine name (one of several) when name is not "".
func WriteDistinct(b *strings.Builder, r *check.Result, runs []*engine.Outcome, ds []check.Distinct, name string) {
	who := ""
	if name != "" {
		who = name + ": "
	}
	fmt.Fprintf(b, "%s:%d: block %s: %s%d runs, %s:\n", r.Lesson.Path, r.Block.Code.Line, r.Block.Name, who, len(runs), plural(len(ds), "distinct output"))
	for i, d := range ds {
		fmt.Fprintf(b, "    #%d, %d of %d runs:\n", i+1, d.Count, len(runs))
		for _, line := range strings.Split(d.Output, "\n") {
			b.WriteString("        " + Printable(line) + "\n")
		}
	}
}
