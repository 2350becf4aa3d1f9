package match

import (
	"strings"
	"unicode"
)

// Normalize returns text as it is compared: LF line endings, no trailing
// white space on any line, no white space at the beginning or end. White
// space is what Go's testable examples trim (unicode.IsSpace), so that
// U+3000 or U+00A0 at the end of the output is ignored as go test ignores
// it.
func Normalize(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// NumberedLines normalises text and splits it into lines, as Lines does,
// with the 1-based number of the line of text each came from (the numbers
// of Edit).
func NumberedLines(text string) (lines []string, numbers []int) {
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	first, last := 0, len(raw)-1
	for first <= last && strings.TrimSpace(raw[first]) == "" {
		first++
	}
	for last >= first && strings.TrimSpace(raw[last]) == "" {
		last--
	}
	for i := first; i <= last; i++ {
		l := strings.TrimRightFunc(raw[i], unicode.IsSpace)
		if i == first {
			l = strings.TrimLeftFunc(l, unicode.IsSpace)
		}
		lines = append(lines, l)
		numbers = append(numbers, i+1)
	}
	return lines, numbers
}

// Lines normalises text and splits it into lines (none for empty text).
func Lines(text string) []string {
	lines, _ := NumberedLines(text)
	return lines
}
