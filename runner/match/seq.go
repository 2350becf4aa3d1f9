package match

// seq matches expected lines against actual lines in order and calls k
// with the bindings of every full match, until k returns true. {{...}}
// takes as few lines as it can; a soft line that does not match takes one
// line (none at the end of the output) when soft misses are allowed.
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
			if m.over() {
				return false
			}
		}
		return false
	}
	if len(act) == 0 {
		return m.none(l, b, func(b *binds) bool { return m.seq(exp[1:], act, b, k) })
	}
	return m.one(l, act[0], b, func(b *binds) bool { return m.seq(exp[1:], act[1:], b, k) })
}
