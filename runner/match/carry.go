package match

import (
	"regexp"
	"slices"
	"strings"
)

// tokenRE splits a line into the units Carry aligns: numbers, words, runs
// of white space and single other characters.
var tokenRE = regexp.MustCompile(`[0-9]+|[\pL_]+|\s+|.`)

// A ctoken is a unit of an expected line: literal text or a placeholder.
type ctoken struct {
	text string
	ph   *placeholder
}

// Carry returns an actual line written as an expected line that replaces
// the expected line it was aligned with (see Edit.Replaces): the text is
// the actual line's, literal (as Escape writes it), except that where a
// placeholder of the expected line stands alone between text the two
// lines share, and matches the actual text there, the placeholder is kept.
// So "pid {{int:child}} started" and "pid 4242 began" give
// "pid {{int:child}} began". The result matches the actual line, except
// that named values are not checked.
func Carry(expected, actual string) string {
	l, err := compileLine(expected, 1)
	if err != nil || l.many || l.soft {
		return Escape(actual)
	}
	var et []ctoken
	for _, s := range l.segs {
		if s.ph != nil {
			et = append(et, ctoken{ph: s.ph})
			continue
		}
		for _, t := range tokenRE.FindAllString(s.lit, -1) {
			et = append(et, ctoken{text: t})
		}
	}
	at := tokenRE.FindAllString(actual, -1)
	if len(et)*len(at) > maxAlign {
		return Escape(actual)
	}
	return carry(et, at)
}

// carry aligns the tokens by their longest common subsequence and writes
// the actual tokens, keeping a placeholder that fills a gap on its own.
func carry(et []ctoken, at []string) string {
	n, m := len(et), len(at)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	same := func(i, j int) bool { return et[i].ph == nil && et[i].text == at[j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case same(i, j):
				lcs[i][j] = 1 + lcs[i+1][j+1]
			default:
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out pieces
	i, j := 0, 0
	gapI, gapJ := 0, 0
	flush := func() { out.fill(et[gapI:i], strings.Join(at[gapJ:j], "")) }
	for i < n && j < m {
		switch {
		case same(i, j) && lcs[i][j] == 1+lcs[i+1][j+1]:
			flush()
			out.lit(at[j])
			i, j = i+1, j+1
			gapI, gapJ = i, j
		case lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			i++
		}
	}
	i, j = n, m
	flush()
	return out.String()
}

// pieces are an expected line being written: literal text and
// placeholders.
type pieces struct {
	done strings.Builder
	text strings.Builder // literal text not yet written
}

func (p *pieces) lit(s string) { p.text.WriteString(s) }

// placeholder writes the pending text, escaped, and then the placeholder
// src: a "{" just before it is written {{"{"}} so that it does not join
// the placeholder's braces.
func (p *pieces) placeholder(src string) {
	esc := Escape(p.text.String())
	if strings.HasSuffix(esc, "{") {
		esc = esc[:len(esc)-1] + `{{"{"}}`
	}
	p.done.WriteString(esc + src)
	p.text.Reset()
}

func (p *pieces) String() string { return p.done.String() + Escape(p.text.String()) }

// fill writes the actual text of a gap: when the gap of the expected line
// is a placeholder alone that matches the start of the text, the
// placeholder and then the rest of the text; the text otherwise.
func (p *pieces) fill(exp []ctoken, text string) {
	if len(exp) == 1 && exp[0].ph != nil && text != "" {
		lens, _ := exp[0].ph.candidates(text)
		if n := slices.Max(append(lens, 0)); n > 0 {
			p.placeholder(exp[0].ph.src)
			p.lit(text[n:])
			return
		}
	}
	p.lit(text)
}
