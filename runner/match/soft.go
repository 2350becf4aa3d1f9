package match

// Every mode of matching (in order, unordered, order-by's barrier and
// keyed lines) pairs an expected line with an actual line, or finds none
// for it, through one and none. They are the one place where a soft line
// is excused, so that a soft line behaves the same in every mode: when it
// misses, the miss is a warning and the line still takes its place.

// one matches expected line l against actual line a and goes on with k. A
// soft line that does not match takes a all the same when soft misses are
// allowed.
func (m *matcher) one(l *line, a aline, b *binds, k func(*binds) bool) bool {
	m.at(l, a)
	if m.matchLine(l, a.text, b, k) {
		return true
	}
	return m.excuse(l, a, func() bool { return k(b) })
}

// none goes on with k past expected line l, for which the output has no
// line: only a soft line may be missing, and only when soft misses are
// allowed.
func (m *matcher) none(l *line, b *binds, k func(*binds) bool) bool {
	m.noteMissing(l)
	return m.excuse(l, aline{}, func() bool { return k(b) })
}

// excuse records that soft line l did not match a (aline{} when there is
// no line for it) and goes on with rest; the record is dropped again if
// rest fails. It fails at once for a line that is not soft, when soft
// misses are not allowed, or when the budget is spent.
func (m *matcher) excuse(l *line, a aline, rest func() bool) bool {
	if !l.soft || !m.allowSoft || m.over() {
		return false
	}
	m.soft = append(m.soft, &Failure{Line: l.no, Expected: l.raw, ActualLine: a.no, Actual: a.text, Msg: "soft line did not match"})
	if rest() {
		return true
	}
	m.soft = m.soft[:len(m.soft)-1]
	return false
}
