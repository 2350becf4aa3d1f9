package match

import (
	"fmt"
	"slices"
	"strings"
)

// An aline is one line of actual output with its 1-based line number.
type aline struct {
	no   int
	text string
}

// A matcher holds the state of one match: the budget spent, the soft
// lines excused on the current path, and the most telling failure so far.
type matcher struct {
	steps     int
	work      int // bytes compared or searched
	maxWork   int
	allowSoft bool
	soft      []*Failure
	best      *Failure
	bestRank  [2]int // expected lines matched, column: higher explains better
	cur       struct {
		l *line
		a aline
	}
}

// Match matches actual output against the pattern.
func (p *Pattern) Match(actual string) *Result {
	texts, numbers := NumberedLines(actual)
	act := make([]aline, len(texts))
	for i, t := range texts {
		act[i] = aline{no: numbers[i], text: t}
	}
	var values map[string]string
	done := func(b *binds) bool { values = b.Map(); return true }
	m := p.newMatcher(false)
	if p.run(m, act, done) {
		return &Result{OK: true, Values: values}
	}
	if p.hasSoft() {
		m2 := p.newMatcher(true)
		if p.run(m2, act, done) {
			return &Result{OK: true, Warnings: m2.soft, Values: values}
		}
		if m2.best != nil {
			m.best = m2.best
		}
		if m2.over() {
			m = m2
		}
	}
	if f := m.overFailure(p.opts.Unordered); f != nil {
		return &Result{Failure: f}
	}
	if m.best == nil {
		return &Result{Failure: &Failure{Msg: "output differs"}}
	}
	return &Result{Failure: m.best}
}

func (p *Pattern) run(m *matcher, act []aline, k func(*binds) bool) bool {
	switch {
	case p.opts.OrderBy != nil:
		return m.orderBy(p.opts.OrderBy, p.lines, act, k)
	case p.opts.Unordered:
		return m.unordered(p.lines, act, k)
	}
	return m.seq(p.lines, act, nil, k)
}

func (p *Pattern) hasSoft() bool {
	return slices.ContainsFunc(p.lines, func(l *line) bool { return l.soft })
}

// at sets the lines the next notes are about.
func (m *matcher) at(l *line, a aline) {
	m.cur.l, m.cur.a = l, a
}

// note records why the current expected line failed at column col of the
// current actual line, if it explains more than what was seen before.
func (m *matcher) note(col int, format string, args ...any) {
	l, a := m.cur.l, m.cur.a
	m.keep([2]int{l.idx, col}, &Failure{Line: l.no, Expected: l.raw, ActualLine: a.no, Actual: a.text, Msg: fmt.Sprintf(format, args...)})
}

// wholeLine ranks a failure about a whole expected line above failures at
// any column of it.
const wholeLine = 1 << 29

// noteMissing records that the output ended before expected line l.
func (m *matcher) noteMissing(l *line) {
	m.keep([2]int{l.idx, wholeLine}, &Failure{Line: l.no, Expected: l.raw, Msg: "the output has no line for this expected line"})
}

// noteExtra records that actual line a matches no expected line.
func (m *matcher) noteExtra(matched int, a aline) {
	m.keep([2]int{matched, -2}, &Failure{ActualLine: a.no, Actual: a.text, Msg: "this line of the output is not in the expected output"})
}

func (m *matcher) keep(rank [2]int, f *Failure) {
	if m.best == nil || rank[0] > m.bestRank[0] || rank[0] == m.bestRank[0] && rank[1] > m.bestRank[1] {
		m.best, m.bestRank = f, rank
	}
}

// matchLine matches expected line l against s and calls k with the
// bindings of every way it matches, until k returns true.
func (m *matcher) matchLine(l *line, s string, b *binds, k func(*binds) bool) bool {
	return m.segs(l.segs, s, 0, b, k)
}

func (m *matcher) segs(segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	if m.tick() {
		return false
	}
	if len(segs) == 0 {
		if pos == len(s) {
			return k(b)
		}
		if pos == 0 {
			m.note(pos, "expected an empty line, found %q", clip(s))
			return false
		}
		m.note(pos, "unexpected text %q at the end of the line", clip(s[pos:]))
		return false
	}
	if segs[0].ph == nil {
		return m.literal(segs, s, pos, b, k)
	}
	return m.placeholder(segs, s, pos, b, k)
}

func (m *matcher) literal(segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	lit := segs[0].lit
	m.spend(min(len(lit), len(s)-pos))
	if strings.HasPrefix(s[pos:], lit) {
		return m.segs(segs[1:], s, pos+len(lit), b, k)
	}
	n := commonPrefix(s[pos:], lit)
	m.spend(n)
	m.differs(pos+n, s, lit[n:])
	return false
}

// differs notes that the expected text want is not found at column col of
// s.
func (m *matcher) differs(col int, s, want string) {
	if col == len(s) {
		m.note(col, "the line ends where %q was expected", clip(want))
		return
	}
	m.note(col, "expected %q, found %q", clip(want), clip(s[col:]))
}

func (m *matcher) placeholder(segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	ph := segs[0].ph
	if ph.name != "" {
		if v, ok := b.get(ph.name); ok {
			m.spend(min(len(v), len(s)-pos))
			if strings.HasPrefix(s[pos:], v) {
				return m.segs(segs[1:], s, pos+len(v), b, k)
			}
			m.note(pos, "%s is %q elsewhere in the output, but here it is %q", ph.src, v, ph.found(s[pos:]))
			return false
		}
	}
	if ph.kind == "any" {
		return m.anyText(segs, s, pos, b, k)
	}
	lens, why := ph.candidates(s[pos:])
	if lens == nil {
		m.note(pos, "%s: %s", ph.src, why)
		return false
	}
	for _, n := range lens {
		m.spend(n)
		if m.take(segs, s, pos, pos+n, b, k) {
			return true
		}
		if m.over() {
			return false
		}
	}
	return false
}

// take lets the placeholder that starts segs take s[pos:end], binding its
// name if it has one, and matches the rest of the line from end.
func (m *matcher) take(segs []seg, s string, pos, end int, b *binds, k func(*binds) bool) bool {
	if ph := segs[0].ph; ph.name != "" {
		v := s[pos:end]
		if other := b.holder(v); other != "" && !free(ph.name) {
			m.note(pos, "%s and the name %s are both %q: different names must be different values", ph.src, other, v)
			return false
		}
		b = b.with(ph.name, v)
	}
	return m.segs(segs[1:], s, end, b, k)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !isRuneStart(a[n]) {
		n--
	}
	return n
}
