package match

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// A stretch is the keyed lines between two barrier lines, grouped by key,
// each group in its original order.
type stretch struct {
	exp map[string][]*line
	act map[string][]aline
}

// orderBy matches under a partial order: barrier lines (without a key) keep
// their places; between two barriers, the lines of each key keep their
// relative order and different keys interleave freely.
func (m *matcher) orderBy(re *regexp.Regexp, exp []*line, act []aline, k func(*binds) bool) bool {
	var eb []*line
	var ab []aline
	ss := []*stretch{newStretch()}
	for _, l := range exp {
		if !l.keyd {
			eb = append(eb, l)
			ss = append(ss, newStretch())
			continue
		}
		s := ss[len(eb)]
		s.exp[l.key] = append(s.exp[l.key], l)
	}
	for _, a := range act {
		key, ok := orderKey(re, a.text)
		if !ok {
			ab = append(ab, a)
			if len(ab) >= len(ss) {
				ss = append(ss, newStretch())
			}
			continue
		}
		s := ss[len(ab)]
		s.act[key] = append(s.act[key], a)
	}
	if len(ab) > len(eb) || len(ab) < len(eb) && !allSoft(eb[len(ab):]) {
		m.keep([2]int{0, 0}, &Failure{Msg: fmt.Sprintf("expected %d lines without an order-by key (they keep their places), the output has %d", len(eb), len(ab))})
		return false
	}
	return m.stretches(ss, eb, ab, 0, nil, k)
}

// allSoft reports whether every line of ls is soft: barrier lines the
// output may lack at its end, as a soft line may be missing at the end of
// output in order.
func allSoft(ls []*line) bool {
	return !slices.ContainsFunc(ls, func(l *line) bool { return !l.soft })
}

func newStretch() *stretch {
	return &stretch{exp: map[string][]*line{}, act: map[string][]aline{}}
}

// stretches matches stretch i, then barrier i (a soft barrier line that
// does not match, or that the output lacks at its end, is excused like a
// soft line in order), then the rest.
func (m *matcher) stretches(ss []*stretch, eb []*line, ab []aline, i int, b *binds, k func(*binds) bool) bool {
	next := func(b *binds) bool {
		rest := func(b *binds) bool { return m.stretches(ss, eb, ab, i+1, b, k) }
		switch {
		case i == len(eb):
			return k(b)
		case i < len(ab):
			return m.one(eb[i], ab[i], b, rest)
		}
		return m.none(eb[i], b, rest)
	}
	s := ss[i]
	keys := slices.Collect(maps.Keys(s.exp))
	for key := range s.act {
		if s.exp[key] == nil {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return m.keys(s, keys, b, next)
}

// keys matches, key by key, the expected lines of a stretch in order
// against the actual lines with the same key.
func (m *matcher) keys(s *stretch, keys []string, b *binds, k func(*binds) bool) bool {
	if len(keys) == 0 {
		return k(b)
	}
	key := keys[0]
	return m.seq(s.exp[key], s.act[key], b, func(b *binds) bool { return m.keys(s, keys[1:], b, k) })
}
