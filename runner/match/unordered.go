package match

import "slices"

// unordered matches expected lines against actual lines as multisets: each
// expected line takes a different actual line. Literal lines are paired
// first by their text, then lines with placeholders are assigned by
// search. {{...}} allows actual lines that no expected line takes.
func (m *matcher) unordered(exp []*line, act []aline, k func(*binds) bool) bool {
	free := map[string][]int{} // literal text -> indices of untaken actual lines
	for i, a := range act {
		free[a.text] = append(free[a.text], i)
	}
	used := make([]bool, len(act))
	var rest []*line
	many := false
	for _, l := range exp {
		text, lit := l.literal()
		switch {
		case l.many:
			many = true
		case lit && len(free[text]) > 0:
			used[free[text][0]] = true
			free[text] = free[text][1:]
		default:
			rest = append(rest, l)
		}
	}
	rest, ok := m.constrained(rest, act, used)
	if !ok {
		return false
	}
	finish := func(b *binds) bool {
		extra := 0
		for i, u := range used {
			if !u {
				extra++
				if !many && extra > len(m.soft) {
					m.noteExtra(1<<30, act[i])
					return false
				}
			}
		}
		return k(b)
	}
	return m.assign(rest, act, used, nil, finish)
}

// constrained orders the lines left for the search by the number of
// untaken actual lines each can match on its own, fewest first, and fails
// at once on a line that matches none (unless it is soft): one wrong line
// among many similar ones is then reported as such instead of exhausting
// the search.
func (m *matcher) constrained(exp []*line, act []aline, used []bool) ([]*line, bool) {
	probe := &matcher{maxWork: m.maxWork}
	count := make(map[*line]int, len(exp))
	for _, l := range exp {
		for i, a := range act {
			if used[i] {
				continue
			}
			probe.at(l, a)
			if probe.matchLine(l, a.text, nil, func(*binds) bool { return true }) {
				count[l]++
			}
		}
		if probe.over() {
			return exp, true // too costly to tell: leave it to the search
		}
	}
	for _, l := range exp {
		if count[l] == 0 && !l.soft {
			m.keep([2]int{l.idx, wholeLine}, &Failure{Line: l.no, Expected: l.raw, Msg: "no line of the output matches this expected line (lines may come in any order)"})
			return nil, false
		}
	}
	sorted := slices.Clone(exp)
	slices.SortStableFunc(sorted, func(a, b *line) int { return count[a] - count[b] })
	return sorted, true
}

// assign gives each expected line in exp a different untaken actual line.
func (m *matcher) assign(exp []*line, act []aline, used []bool, b *binds, k func(*binds) bool) bool {
	if m.tick() {
		return false
	}
	if len(exp) == 0 {
		return k(b)
	}
	l := exp[0]
	for i, a := range act {
		if used[i] {
			continue
		}
		used[i] = true
		m.at(l, a)
		if m.matchLine(l, a.text, b, func(b *binds) bool { return m.assign(exp[1:], act, used, b, k) }) {
			return true
		}
		used[i] = false
		if m.over() {
			return false
		}
	}
	m.keep([2]int{l.idx, wholeLine}, &Failure{Line: l.no, Expected: l.raw, Msg: "no line of the output matches this expected line (lines may come in any order)"})
	return m.excuse(l, aline{}, func() bool { return m.assign(exp[1:], act, used, b, k) })
}
