package render

import (
	"html/template"
	"slices"
	"strings"

	"bingfa/runner/lesson"
	"bingfa/runner/match"
	"bingfa/runner/msg"
	"bingfa/runner/verdict"
)

// newDiff returns the expected output of b and the actual output side by
// side, aligned as update aligns them (match.Pattern.Align): an expected
// line is unchanged when it is kept, an actual line when it is not
// written in the expected output's place; an actual line written in the
// place of an expected line is paired with it, and the characters between
// their common prefix and suffix are marked. An unordered output's sides
// are shown sorted.
//
// Placeholders of the expected lines kept are shown as chips (see chips),
// with the actual line they matched in their tooltip.
func newDiff(b *lesson.Block, actual string, vd *verdict.Verdict, lang msg.Lang) *Diff {
	want, wantNo := match.NumberedLines(b.Expected())
	got, gotNo := match.NumberedLines(actual)
	d := &Diff{Sorted: b.Out.Unordered, Want: diffLines(want, true), Got: diffLines(got, false)}
	if b.Want != nil {
		wi, gi := indexOf(wantNo), indexOf(gotNo)
		for _, e := range b.Want.Align(actual) {
			if e.Line > 0 {
				w := wi[e.Line]
				d.Want[w].Changed = false
				if e.Actual > 0 && strings.Contains(want[w], "{{") {
					d.Want[w].HTML = chips(lang, want[w], got[gi[e.Actual]])
				}
				continue
			}
			g := gi[e.Actual]
			d.Got[g].Changed = true
			if e.Replaces > 0 {
				w := wi[e.Replaces]
				d.Want[w].HTML, d.Got[g].HTML = markChars(want[w], got[g])
			}
		}
	}
	if d.Sorted {
		sortSide(d.Want, want)
		sortSide(d.Got, got)
	}
	markFailed(d, b, vd)
	clipDiff(d, lang)
	return d
}

// diffLines returns the lines of one side, numbered from 1.
func diffLines(lines []string, changed bool) []DiffLine {
	out := make([]DiffLine, len(lines))
	for i, s := range lines {
		out[i] = DiffLine{No: i + 1, HTML: esc(s), Changed: changed}
	}
	return out
}

// indexOf maps the line numbers of a text (match.NumberedLines) to their
// indices.
func indexOf(numbers []int) map[int]int {
	m := make(map[int]int, len(numbers))
	for i, n := range numbers {
		m[n] = i
	}
	return m
}

// sortSide sorts the lines of one side by their text, and numbers them
// again.
func sortSide(ls []DiffLine, text []string) {
	idx := make([]int, len(ls))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(text[a], text[b]) })
	sorted := make([]DiffLine, len(ls))
	for k, i := range idx {
		sorted[k] = ls[i]
		sorted[k].No = k + 1
	}
	copy(ls, sorted)
}

func esc(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }

// markChars returns both lines with the runes between their common prefix
// and common suffix in <mark>.
func markChars(w, g string) (template.HTML, template.HTML) {
	a, b := []rune(w), []rune(g)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	mark := func(r []rune) template.HTML {
		return esc(string(r[:p])) + "<mark>" + esc(string(r[p:len(r)-s])) + "</mark>" + esc(string(r[len(r)-s:]))
	}
	return mark(a), mark(b)
}

// markFailed marks the expected line at which the verdict says the match
// failed.
func markFailed(d *Diff, b *lesson.Block, vd *verdict.Verdict) {
	if b.Output == nil || d.Sorted {
		return
	}
	for _, p := range vd.Problems {
		if i := p.Line - b.Output.Line - 1; i >= 0 && i < len(d.Want) && p.Line > b.Output.Line {
			d.Want[i].Failed = true
		}
	}
}
