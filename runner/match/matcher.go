package match

import (
	"fmt"
	"strings"
)

// budget bounds the steps of one match: expected output whose {{...}} and
// {{any}} allow too many alignments fails instead of running for ever.
const budget = 2_000_000

// An aline is one line of actual output with its 1-based line number.
type aline struct {
	no   int
	text string
}

// A matcher holds the state of one match: the search budget, the soft
// lines skipped on the current path, and the most telling failure so far.
type matcher struct {
	steps     int
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
	texts, numbers := numberedLines(actual)
	act := make([]aline, len(texts))
	for i, t := range texts {
		act[i] = aline{no: numbers[i], text: t}
	}
	m := &matcher{}
	var values map[string]string
	done := func(b *binds) bool { values = b.Map(); return true }
	if p.run(m, act, done) {
		return &Result{OK: true, Values: values}
	}
	first := m.best
	if p.hasSoft() {
		m2 := &matcher{allowSoft: true}
		if p.run(m2, act, done) {
			return &Result{OK: true, Warnings: m2.soft, Values: values}
		}
		if m2.best != nil {
			first = m2.best
		}
	}
	if m.steps > budget {
		first = &Failure{Msg: "the expected output allows too many alignments to check ({{...}} and {{any}}): make it more specific"}
		if p.opts.Unordered {
			first.Msg = "the expected lines can be paired with the output's in too many ways to check (unordered, with placeholders): make them more specific"
		}
	}
	if first == nil {
		first = &Failure{Msg: "output differs"}
	}
	return &Result{Failure: first}
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
	for _, l := range p.lines {
		if l.soft {
			return true
		}
	}
	return false
}

// tick counts a step and reports whether the budget is spent.
func (m *matcher) tick() bool {
	m.steps++
	return m.steps > budget
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
	if strings.HasPrefix(s[pos:], lit) {
		return m.segs(segs[1:], s, pos+len(lit), b, k)
	}
	n := commonPrefix(s[pos:], lit)
	if pos+n == len(s) {
		m.note(pos+n, "the line ends where %q was expected", clip(lit[n:]))
	} else {
		m.note(pos+n, "expected %q, found %q", clip(lit[n:]), clip(s[pos+n:]))
	}
	return false
}

func (m *matcher) placeholder(segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	ph := segs[0].ph
	if ph.name != "" {
		if v, ok := b.get(ph.name); ok {
			if strings.HasPrefix(s[pos:], v) {
				return m.segs(segs[1:], s, pos+len(v), b, k)
			}
			m.note(pos, "%s is %q elsewhere in the output, but here it is %q", ph.src, v, ph.found(s[pos:]))
			return false
		}
	}
	lens, why := ph.candidates(s[pos:])
	if lens == nil {
		m.note(pos, "%s: %s", ph.src, why)
		return false
	}
	for _, n := range lens {
		nb := b
		if ph.name != "" {
			v := s[pos : pos+n]
			if other := b.holder(v); other != "" {
				m.note(pos, "%s and the name %s are both %q: different names must be different values", ph.src, other, v)
				continue
			}
			nb = b.with(ph.name, v)
		}
		if m.segs(segs[1:], s, pos+n, nb, k) {
			return true
		}
		if m.steps > budget {
			return false
		}
	}
	return false
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
