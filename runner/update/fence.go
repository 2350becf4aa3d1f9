package update

import (
	"bytes"

	"bingfa/runner/lesson"
)

// A body is the new content of a fence: the bytes to write, and the lines
// as the parser will read them.
type body struct {
	raw  bytes.Buffer
	text []string
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
}

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
