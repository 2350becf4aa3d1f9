package term

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A token is a unit of text that wrapping does not split: an ASCII (or
// other narrow) word, a URL or an identifier included; one wide
// character; a run of spaces. Style escapes belong to the token they
// precede (or to the last one) and take no room.
type token struct {
	text  string
	width int
	space bool
	// glue: no line break may come before this token (closing
	// punctuation such as 。，）, or a word right after opening
	// punctuation such as （“).
	glue bool
}

// closing are the characters no line may start with; opening those no
// line may end with (the rules of Chinese typesetting, 避头尾).
const (
	closing = "。，、；：！？）》」』”’】〕…—%,.;:!?)]}"
	opening = "（《「『“‘【〔([{"
)

// runeWidth is the number of terminal columns r takes: 2 for East Asian
// wide and fullwidth characters, 0 for combining marks, else 1.
func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return 1
}

// DisplayWidth is the number of terminal columns s takes (a Chinese
// character takes two), its style escapes left out.
func DisplayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if l := escapeLen(s[i:]); l > 0 {
			i += l
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeWidth(r)
		i += size
	}
	return n
}

// escapeLen returns the length of the style escape (CSI ... m) at the
// start of s, or 0.
func escapeLen(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		if c := s[i]; c >= 0x40 && c <= 0x7e {
			return i + 1
		}
	}
	return 0
}

// tokens splits a line into tokens.
func tokens(s string) []token {
	var ts []token
	var pending strings.Builder // escapes waiting for their token
	add := func(t token) {
		if pending.Len() > 0 {
			t.text = pending.String() + t.text
			pending.Reset()
		}
		if n := len(ts); n > 0 && !t.space && strings.ContainsAny(lastRune(ts[n-1].text), opening) {
			t.glue = true
		}
		ts = append(ts, t)
	}
	for i := 0; i < len(s); {
		if l := escapeLen(s[i:]); l > 0 {
			pending.WriteString(s[i : i+l])
			i += l
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ':
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			add(token{text: s[i:j], width: j - i, space: true})
			i = j
		case runeWidth(r) == 2 || strings.ContainsRune(closing, r) || strings.ContainsRune(opening, r):
			add(token{text: string(r), width: runeWidth(r), glue: strings.ContainsRune(closing, r)})
			i += size
		default:
			// A narrow word: up to a space or a wide character, its
			// punctuation included (os.Getppid(), a URL).
			j := i
			for j < len(s) && escapeLen(s[j:]) == 0 {
				r, size := utf8.DecodeRuneInString(s[j:])
				if r == ' ' || runeWidth(r) == 2 {
					break
				}
				j += size
			}
			add(token{text: s[i:j], width: DisplayWidth(s[i:j]), glue: strings.ContainsRune(closing, r)})
			i = j
		}
	}
	if pending.Len() > 0 {
		if n := len(ts); n > 0 {
			ts[n-1].text += pending.String()
		} else {
			ts = append(ts, token{text: pending.String()})
		}
	}
	return ts
}

func lastRune(s string) string {
	for len(s) > 0 {
		if i := strings.LastIndex(s, "\x1b["); i >= 0 && escapeLen(s[i:]) == len(s)-i {
			s = s[:i]
			continue
		}
		break
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// wrap breaks line into lines of at most width columns where it can: at
// spaces and between wide characters, never inside a word (an
// identifier, a URL), never before closing punctuation or after opening
// punctuation. A word wider than width has a line of its own. width <= 0
// leaves the line as it is.
func wrap(line string, width int) []string {
	if width <= 0 || DisplayWidth(line) <= width {
		return []string{line}
	}
	// Units are what a line break may not split: a token with the
	// closing punctuation after it, and opening punctuation with the
	// token after it.
	var units []token
	for _, t := range tokens(line) {
		if n := len(units); n > 0 && (t.glue || !units[n-1].space && strings.ContainsAny(lastRune(units[n-1].text), opening)) && !t.space {
			units[n-1].text += t.text
			units[n-1].width += t.width
			continue
		}
		units = append(units, t)
	}
	var out []string
	var cur strings.Builder
	n := 0
	for _, u := range units {
		if n > 0 && n+u.width > width {
			out = append(out, strings.TrimRight(cur.String(), " "))
			cur.Reset()
			n = 0
		}
		if n == 0 && u.space {
			cur.WriteString(strings.Trim(u.text, " ")) // its style escapes only
			continue
		}
		cur.WriteString(u.text)
		n += u.width
	}
	if cur.Len() > 0 {
		out = append(out, strings.TrimRight(cur.String(), " "))
	}
	return out
}
