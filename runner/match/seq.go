package match

// seq matches expected lines against actual lines in order and calls k
// with the bindings of every full match, until k returns true. {{...}}
// takes as few lines as it can; a soft line that does not match takes one
// line when soft misses are allowed.
func (m *matcher) seq(exp []*line, act []aline, b *binds, k func(*binds) bool) bool {
	if m.tick() {
		return false
	}
	if len(exp) == 0 {
		if len(act) == 0 {
			return k(b)
		}
		m.noteExtra(1<<30, act[0])
		return false
	}
	l := exp[0]
	if l.many {
		for n := 0; n <= len(act); n++ {
			if m.seq(exp[1:], act[n:], b, k) {
				return true
			}
			if m.steps > budget {
				return false
			}
		}
		return false
	}
	if len(act) == 0 {
		m.noteMissing(l)
		return l.soft && m.allowSoft && m.skipSoft(l, aline{}, func() bool { return m.seq(exp[1:], act, b, k) })
	}
	m.at(l, act[0])
	if m.matchLine(l, act[0].text, b, func(b *binds) bool { return m.seq(exp[1:], act[1:], b, k) }) {
		return true
	}
	return l.soft && m.allowSoft && m.skipSoft(l, act[0], func() bool { return m.seq(exp[1:], act[1:], b, k) })
}

// skipSoft records that soft line l did not match a and goes on with rest;
// the record is dropped again if rest fails.
func (m *matcher) skipSoft(l *line, a aline, rest func() bool) bool {
	m.soft = append(m.soft, &Failure{Line: l.no, Expected: l.raw, ActualLine: a.no, Actual: a.text, Msg: "soft line did not match"})
	if rest() {
		return true
	}
	m.soft = m.soft[:len(m.soft)-1]
	return false
}
