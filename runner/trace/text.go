package trace

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// TextWidth is the number of time slices of the terminal picture.
const TextWidth = 60

// glyphs draw a segment kind in a terminal picture.
var glyphs = map[kind]rune{
	{Running, WhyNone}:  '█',
	{Runnable, WhyNone}: '▒',
	{Syscall, WhyNone}:  's',
}

func glyph(k kind) rune {
	if g, ok := glyphs[k]; ok {
		return g
	}
	switch k.why {
	case WhyChannel:
		return 'c'
	case WhySync:
		return 'l'
	case WhySleep:
		return 'z'
	}
	return '·'
}

// Text draws t for a terminal: one line per goroutine, TextWidth slices
// of time, then a legend, in the language lang.
func (t *Trace) Text(lang string) string {
	w := words(lang)
	lanes, hidden := t.shown()
	nameWidth := 4
	for _, l := range lanes {
		nameWidth = max(nameWidth, min(utf8.RuneCountInString(l.Name), 24))
	}
	var b strings.Builder
	for _, l := range lanes {
		row := []rune(strings.Repeat(" ", TextWidth))
		for _, r := range columns(l, t.Duration, TextWidth) {
			for c := r.from; c < r.to; c++ {
				row[c] = glyph(kindOf(r.seg))
			}
		}
		fmt.Fprintf(&b, "%-*s │%s│\n", nameWidth, clip(l.Name, 24), string(row))
	}
	if hidden > 0 {
		fmt.Fprintf(&b, w["hidden"]+"\n", hidden)
	}
	fmt.Fprintf(&b, "%*s  0%s%s\n", nameWidth, "", strings.Repeat(" ", TextWidth-1-len(round(t.Duration).String())), round(t.Duration))
	fmt.Fprintf(&b, "█ %s  ▒ %s  c %s  l %s  z %s  s %s  · %s\n",
		w["running"], w["runnable"], w["chan"], w["sync"], w["sleep"], w["syscall"], w["blocked"])
	return b.String()
}

// clip shortens s to n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
