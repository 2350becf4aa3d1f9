package match

import "strings"

// maxAlign bounds the line pairs Align compares; past it, no expected line
// is kept.
const maxAlign = 1 << 20

// An Edit is one line of an expected output brought up to date by Align:
// an expected line kept as written, or a line of the actual output written
// in its place.
type Edit struct {
	Line int // 1-based line of the expected text kept; 0 for an actual line
	// Actual is the 1-based line of the actual output written when Line
	// is 0; for a kept line, the actual line it matched on its own (0 for
	// {{...}} and for a soft line that stands for no line).
	Actual int
	// Replaces is, for an actual line written, the expected line it takes
	// the place of (0 if none): in order, the lines dropped and the lines
	// written between two kept lines are paired in turn.
	Replaces int
}

// Align brings the expected output up to date with actual output, keeping
// every expected line that matches an actual line (placeholders, {{...}}
// and soft lines included) and replacing the others by the actual lines.
// Lines are compared one by one, so named values are not checked across
// lines: the caller should match the result against the actual output.
//
// In order (and with OrderBy), the kept lines are the longest sequence of
// expected lines that match actual lines in the same order; actual lines
// left over are placed where they appear. Unordered, each expected line
// keeps the first untaken actual line it matches, and the actual lines left
// over come at the end (or are left to {{...}}).
func (p *Pattern) Align(actual string) []Edit {
	texts, numbers := NumberedLines(actual)
	act := make([]aline, len(texts))
	for i, t := range texts {
		act[i] = aline{no: numbers[i], text: t}
	}
	ok := p.pairs(act)
	if p.opts.Unordered {
		return p.alignUnordered(act, ok)
	}
	return p.alignSeq(act, ok)
}

// pairs reports, for each expected line i and actual line j, whether line
// i on its own matches line j (ok[i][j]); nil when there are too many
// pairs to compare.
func (p *Pattern) pairs(act []aline) [][]bool {
	if len(p.lines)*len(act) > maxAlign {
		return nil
	}
	ok := make([][]bool, len(p.lines))
	m := p.newMatcher(false) // one budget for all pairs: past it, pairs do not match
	for i, l := range p.lines {
		ok[i] = make([]bool, len(act))
		if l.many {
			continue
		}
		for j, a := range act {
			m.at(l, a)
			ok[i][j] = !m.over() && m.matchLine(l, a.text, nil, func(*binds) bool { return true })
		}
	}
	return ok
}

// alignSeq aligns in order by dynamic programming: a matching pair scores
// 2 and a soft line standing for an actual line 1; of equal alignments, the
// one that lets {{...}} take actual lines is preferred.
func (p *Pattern) alignSeq(act []aline, ok [][]bool) []Edit {
	n, m := len(p.lines), len(act)
	if ok == nil {
		return actualEdits(act)
	}
	score := make([][]int, n+1)
	for i := range score {
		score[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			score[i][j] = p.best(i, j, act, ok, score)
		}
	}
	return p.walk(act, ok, score)
}

// step is one move of the alignment from (i, j).
type step int

const (
	dropExp step = iota // the expected line goes (a {{...}} line stays, taking no more lines)
	addAct              // the actual line is written
	pair                // the expected line is kept for the actual line
	absorb              // {{...}} takes the actual line
)

// moves returns the possible moves from (i, j) with their scores.
func (p *Pattern) moves(i, j int, act []aline, ok [][]bool, score [][]int) [4]int {
	const no = -1
	mv := [4]int{no, no, no, no}
	l := p.lines[i]
	mv[dropExp] = score[i+1][j]
	if j == len(act) {
		return mv
	}
	mv[addAct] = score[i][j+1]
	switch {
	case l.many:
		mv[absorb] = score[i][j+1]
	case ok[i][j]:
		mv[pair] = 2 + score[i+1][j+1]
	case l.soft:
		mv[pair] = 1 + score[i+1][j+1]
	}
	return mv
}

func (p *Pattern) best(i, j int, act []aline, ok [][]bool, score [][]int) int {
	mv := p.moves(i, j, act, ok, score)
	return mv[choose(mv)]
}

// choose picks the best move, preferring a pair, then {{...}}, then
// writing the actual line before dropping the expected one.
func choose(mv [4]int) step {
	best := pair
	for _, s := range []step{absorb, addAct, dropExp} {
		if mv[s] > mv[best] {
			best = s
		}
	}
	return best
}

// walk follows the best moves and returns the edits.
func (p *Pattern) walk(act []aline, ok [][]bool, score [][]int) []Edit {
	w := &walker{}
	i, j := 0, 0
	for i < len(p.lines) {
		l := p.lines[i]
		switch choose(p.moves(i, j, act, ok, score)) {
		case dropExp:
			w.drop(l)
			i++
		case addAct:
			w.add(act[j])
			j++
		case pair:
			e := Edit{Line: l.no}
			if ok[i][j] {
				e.Actual = act[j].no
			}
			w.keep(e)
			i, j = i+1, j+1
		case absorb:
			j++
		}
	}
	for ; j < len(act); j++ {
		w.add(act[j])
	}
	return w.edits
}

// A walker collects edits and pairs the expected lines dropped with the
// actual lines written between two kept lines.
type walker struct {
	edits   []Edit
	dropped []int // expected lines dropped, not yet paired
	added   []int // indices in edits of actual lines written, not yet paired
}

func (w *walker) keep(e Edit) {
	w.edits = append(w.edits, e)
	w.dropped, w.added = nil, nil
}

func (w *walker) drop(l *line) {
	switch {
	case l.many:
		w.keep(Edit{Line: l.no})
	case len(w.added) > 0:
		w.edits[w.added[0]].Replaces = l.no
		w.added = w.added[1:]
	default:
		w.dropped = append(w.dropped, l.no)
	}
}

func (w *walker) add(a aline) {
	e := Edit{Actual: a.no}
	if len(w.dropped) > 0 {
		e.Replaces, w.dropped = w.dropped[0], w.dropped[1:]
	} else {
		w.added = append(w.added, len(w.edits))
	}
	w.edits = append(w.edits, e)
}

// alignUnordered keeps the expected lines that find an untaken actual
// line, literal lines first, as the unordered matcher pairs them.
func (p *Pattern) alignUnordered(act []aline, ok [][]bool) []Edit {
	if ok == nil {
		return actualEdits(act)
	}
	used := make([]bool, len(act))
	kept := make([]int, len(p.lines)) // 1 + index of the matched actual line
	many := false
	for _, literal := range []bool{true, false} {
		for i, l := range p.lines {
			if _, lit := l.literal(); lit != literal || l.many {
				continue
			}
			for j := range act {
				if !used[j] && ok[i][j] {
					used[j], kept[i] = true, j+1
					break
				}
			}
		}
	}
	var edits []Edit
	for i, l := range p.lines {
		many = many || l.many
		switch {
		case kept[i] > 0:
			edits = append(edits, Edit{Line: l.no, Actual: act[kept[i]-1].no})
		case l.many || l.soft:
			edits = append(edits, Edit{Line: l.no})
		}
	}
	for j, a := range act {
		if !used[j] && !many {
			edits = append(edits, Edit{Actual: a.no})
		}
	}
	return edits
}

// actualEdits writes every actual line.
func actualEdits(act []aline) []Edit {
	edits := make([]Edit, len(act))
	for i, a := range act {
		edits[i] = Edit{Actual: a.no}
	}
	return edits
}

// Escape returns text written so that, as expected output, it matches
// itself literally: every "{{" becomes {{"{{"}}.
func Escape(text string) string {
	return strings.ReplaceAll(text, "{{", `{{"{{"}}`)
}
