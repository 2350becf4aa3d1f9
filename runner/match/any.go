package match

import "strings"

// anyText matches {{any}} (segs[0], not yet bound) at column pos of s and
// the rest of the line after it, trying the shortest text first. Only the
// ends after which the rest of the line can match are tried: the end of
// the line when nothing follows, and the places where the literal text
// that follows occurs. When that text occurs nowhere, the note says where
// the line comes closest to it and what differs there.
func (m *matcher) anyText(segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	rest := segs[1:]
	switch {
	case len(rest) == 0:
		return m.take(segs, s, pos, len(s), b, k)
	case rest[0].ph == nil:
		return m.anyBefore(rest[0].lit, segs, s, pos, b, k)
	}
	for end := pos; end <= len(s); end++ {
		if m.take(segs, s, pos, end, b, k) {
			return true
		}
		if m.over() {
			return false
		}
	}
	return false
}

// anyBefore tries each place from pos on where lit occurs as the end of
// {{any}}.
func (m *matcher) anyBefore(lit string, segs []seg, s string, pos int, b *binds, k func(*binds) bool) bool {
	found := false
	for from := pos; from <= len(s); {
		i := m.index(s[from:], lit)
		if i < 0 {
			break
		}
		found = true
		if m.take(segs, s, pos, from+i, b, k) {
			return true
		}
		if m.over() {
			return false
		}
		from += i + 1
	}
	if !found {
		m.closest(s, pos, lit)
	}
	return false
}

// index is strings.Index, with the bytes it searches counted.
func (m *matcher) index(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		m.spend(len(s) + len(sub))
	} else {
		m.spend(i + len(sub))
	}
	return i
}

// closest notes, for lit that does not occur in s from pos on, the longest
// start of lit that does occur (first occurrence) and what follows it
// instead of the rest of lit. The length of that start is found by
// bisection, since every start of a text that occurs occurs too.
func (m *matcher) closest(s string, pos int, lit string) {
	lo, hi := 0, len(lit) // lit[:lo] occurs, lit[:hi+1] does not
	for lo < hi && !m.over() {
		mid := (lo + hi + 1) / 2
		if m.index(s[pos:], lit[:mid]) >= 0 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for lo > 0 && lo < len(lit) && !isRuneStart(lit[lo]) {
		lo--
	}
	if lo == 0 {
		m.note(pos, "%q does not occur in the rest of the line after {{any}}: %q", clip(lit), clip(s[pos:]))
		return
	}
	at := pos + m.index(s[pos:], lit[:lo]) + lo
	m.differs(at, s, lit[lo:])
}
