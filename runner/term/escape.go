package term

import (
	"unicode/utf8"

	"bingfa/runner/report"
)

// safe returns s as it may be written to a terminal: control characters
// (escape sequences that would clear the screen or move the cursor),
// bidirectional controls and invalid UTF-8 written as Go escapes (\x1b,
// \u202e, \xff), as check writes them (see report.Printable). Program
// output and the lesson's own text go through it; only the reader's own
// styles reach the terminal raw.
func safe(s string) string { return report.Printable(s) }

// A pieces holds what is left of a stream of output between its pieces:
// the start of a UTF-8 character whose end comes in the next piece, which
// must not be escaped as invalid on its own.
type pieces struct {
	tail []byte
}

// next returns the text of a piece of output, with the tail of the last
// piece before it, without an incomplete character at its end, which is
// kept for the next piece.
func (p *pieces) next(data []byte) string {
	b := append(p.tail, data...)
	p.tail = nil
	start := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			start = i
			break
		}
	}
	if start < len(b) && !utf8.FullRune(b[start:]) {
		p.tail = append([]byte(nil), b[start:]...)
		b = b[:start]
	}
	return string(b)
}

// flush returns what is left at the end of the stream: the start of a
// character that never ended.
func (p *pieces) flush() string {
	s := string(p.tail)
	p.tail = nil
	return s
}
