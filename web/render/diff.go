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

// maxDiffLines bounds the lines of each side that are aligned line by
// line; past it the sides are shown without alignment.
const maxDiffLines = 2000

// newDiff returns the expected output of b and the actual output side by
// side. Lines are aligned by a longest common subsequence in which an
// expected line equals an actual line when it matches it as a one-line
// pattern (so that "{{int}}" equals "42"); a line left over on one side is
// paired with the next left-over line of the other side, and the
// characters between their common prefix and suffix are marked.
//
// Placeholders of the expected lines that match are shown as chips (see
// chips), with the actual line in their tooltip.
func newDiff(b *lesson.Block, actual string, vd *verdict.Verdict, lang msg.Lang) *Diff {
	want, got := match.Lines(b.Expected()), match.Lines(actual)
	d := &Diff{Sorted: b.Out.Unordered}
	if d.Sorted {
		want, got = sorted(want), sorted(got)
	}
	pairs := align(want, got)
	d.Want = make([]DiffLine, len(want))
	d.Got = make([]DiffLine, len(got))
	for i, s := range want {
		d.Want[i] = DiffLine{No: i + 1, HTML: esc(s), Changed: pairs.want[i] < 0}
	}
	for j, s := range got {
		d.Got[j] = DiffLine{No: j + 1, HTML: esc(s), Changed: pairs.got[j] < 0}
	}
	markPairs(d, want, got, pairs)
	for i, s := range want {
		if j := pairs.want[i]; j >= 0 && strings.Contains(s, "{{") {
			d.Want[i].HTML = chips(lang, s, got[j])
		}
	}
	markFailed(d, b, vd)
	return d
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func esc(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }

// alignment maps each line of one side to its equal on the other side, or
// -1.
type alignment struct{ want, got []int }

// align computes a longest common subsequence of want and got.
func align(want, got []string) alignment {
	a := alignment{want: filled(len(want)), got: filled(len(got))}
	if len(want) > maxDiffLines || len(got) > maxDiffLines {
		return a
	}
	eq := lineEqual()
	n, m := len(want), len(got)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(want[i], got[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case eq(want[i], got[j]):
			a.want[i], a.got[j] = j, i
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return a
}

func filled(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// lineEqual returns the comparison of an expected line with an actual
// line, compiling each expected line once.
func lineEqual() func(w, g string) bool {
	pats := map[string]*match.Pattern{}
	return func(w, g string) bool {
		if w == g || strings.TrimSpace(w) == "{{...}}" {
			return true
		}
		p, ok := pats[w]
		if !ok {
			p, _ = match.Compile(w, match.Options{})
			pats[w] = p
		}
		return p != nil && p.Match(g).OK
	}
}

// markPairs pairs the unmatched lines between two matched ones and marks
// the characters in which each pair differs.
func markPairs(d *Diff, want, got []string, a alignment) {
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		var ws, gs []int
		for ; i < len(want) && a.want[i] < 0; i++ {
			ws = append(ws, i)
		}
		for ; j < len(got) && a.got[j] < 0; j++ {
			gs = append(gs, j)
		}
		for k := 0; k < len(ws) && k < len(gs); k++ {
			d.Want[ws[k]].HTML, d.Got[gs[k]].HTML = markChars(want[ws[k]], got[gs[k]])
		}
		i, j = i+1, j+1
	}
}

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
