package update

import (
	"bytes"
	"unicode/utf8"

	"bingfa/runner/lesson"
	"bingfa/runner/report"
)

// A body is the new content of a fence: the bytes to write, and the lines
// as the parser will read them.
type body struct {
	raw  bytes.Buffer
	text []string
	// control is the first control character of the lines added (not of
	// those kept), escaped, and controlLine its line in the body (from 1).
	control     string
	controlLine int
}

// keep adds a line of the old content as it was written.
func (b *body) keep(raw []byte, text string) {
	b.raw.Write(raw)
	b.text = append(b.text, text)
}

// add adds a new line, indented like the fence, with the line ending eol.
func (b *body) add(line string, indent int, eol string) {
	if line != "" {
		b.raw.Write(bytes.Repeat([]byte{' '}, indent))
	}
	b.raw.WriteString(line)
	b.raw.WriteString(eol)
	b.text = append(b.text, line)
	if c := control(line); c != "" && b.control == "" {
		b.control, b.controlLine = c, len(b.text)
	}
}

// control returns the first character of s that a lesson must not hold
// raw, escaped as report.Printable escapes it (\x1b, \u202e, \xff), or
// "": a control character other than a tab, a bidirectional control, a
// byte that is not UTF-8. Written into a lesson, it would reach the
// terminals of those who read it.
func control(s string) string {
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		if c := s[i : i+n]; report.Printable(c) != c {
			return report.Printable(c)
		}
		i += n
	}
	return ""
}

// refuseControl returns the error of a body with a control character
// added, at the line of fence f of l; what names the new content, and fix
// says what to do.
func refuseControl(l *lesson.Lesson, f *lesson.Fence, b *body, what, fix string) error {
	if b.control == "" {
		return nil
	}
	return lesson.Errorf(l.Path, f.Line, "not updated: line %d of %s holds the control character %s, which update does not write into a lesson (it would reach the terminal of whoever reads it); %s",
		b.controlLine, what, b.control, fix)
}

// printEscaped is what to do about a program that prints a control
// character.
const printEscaped = "print it escaped (such as with %q), or edit the block by hand"

// rewritable reports why fence f of l cannot be rewritten in place.
func rewritable(l *lesson.Lesson, f *lesson.Fence) error {
	switch {
	case !f.Closed:
		return lesson.Errorf(l.Path, f.Line, "the fence opened here is never closed: cannot rewrite it")
	case f.Nested:
		return lesson.Errorf(l.Path, f.Line, "cannot rewrite a block inside a list or a block quote: move it out, or edit it by hand")
	}
	return nil
}

// replaceBody returns the edit that gives fence f of l the content b. When
// a line of b would close the fence, the fence is lengthened.
func replaceBody(l *lesson.Lesson, f *lesson.Fence, b *body) (edit, error) {
	if err := rewritable(l, f); err != nil {
		return edit{}, err
	}
	n := fenceLen(b.text, f.Char, f.Len)
	if n == f.Len {
		return edit{f.BodyStart, f.BodyEnd, b.raw.Bytes()}, nil
	}
	src := l.Source
	var out bytes.Buffer
	out.Write(src[f.Start : f.Start+f.Indent])
	out.Write(bytes.Repeat([]byte{f.Char}, n))
	out.Write(src[f.Start+f.Indent+f.Len : f.BodyStart])
	out.Write(b.raw.Bytes())
	closing := src[f.BodyEnd:f.End]
	i := bytes.IndexByte(closing, f.Char)
	j := i
	for j < len(closing) && closing[j] == f.Char {
		j++
	}
	out.Write(closing[:i])
	out.Write(bytes.Repeat([]byte{f.Char}, max(n, j-i)))
	out.Write(closing[j:])
	return edit{f.Start, f.End, out.Bytes()}, nil
}

// fenceLen returns the length a fence of c, at least n long, needs so that
// no line of text closes it: one more than the longest line that is only a
// run of c (at least three) between white space.
func fenceLen(text []string, c byte, n int) int {
	for _, line := range text {
		t := bytes.TrimLeft([]byte(line), " \t")
		run := 0
		for run < len(t) && t[run] == c {
			run++
		}
		if run >= 3 && run >= n && blank(t[run:]) {
			n = run + 1
		}
	}
	return n
}
