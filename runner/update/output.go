package update

import (
	"bytes"
	"strings"

	"bingfa/runner/lesson"
	"bingfa/runner/match"
	"bingfa/runner/verdict"
)

// Outputs returns the source of l with the output blocks of the blocks in
// actual (by name: the output each printed, on the stream its output block
// compares) brought up to date, and output blocks created for blocks that
// run and have none, and with the written file blocks in written brought
// up to date too (what the run left in each file). Blocks not in actual
// or written are left alone.
func Outputs(l *lesson.Lesson, actual map[string]string, written map[*lesson.DataFile]string) ([]byte, error) {
	var ed editor
	writtenEdits(l, written, &ed)
	for _, b := range l.Blocks {
		if out, ok := actual[b.Name]; ok {
			ed.add(outputEdit(l, b, out))
		}
	}
	return ed.apply(l.Source)
}

// outputEdit returns the edit that brings the output of block b up to date.
func outputEdit(l *lesson.Lesson, b *lesson.Block, actual string) (edit, bool, error) {
	if b.Output == nil {
		return newOutput(l, b, actual)
	}
	if matches(b, b.Output.Text, actual) {
		return edit{}, false, nil
	}
	nb, err := updatedBody(l, b, actual)
	if err != nil {
		return edit{}, false, err
	}
	if err := refuseControl(l, b.Output, nb, "the new output", printEscaped); err != nil {
		return edit{}, false, err
	}
	e, err := replaceBody(l, b.Output, nb)
	return e, err == nil, err
}

// updatedBody returns the new content of b's output block: the lines that
// still match, kept, and the actual lines instead of the others, with the
// placeholders of the lines they replace carried over where they still
// match (see match.Carry); or without them, when that does not match as a
// whole; or else the actual output.
func updatedBody(l *lesson.Lesson, b *lesson.Block, actual string) (*body, error) {
	f := b.Output
	p, err := match.Compile(normalize(b, f.Text), b.Out.Match())
	if err != nil {
		return nil, lesson.Errorf(l.Path, f.Line, "%v", err)
	}
	edits := p.Align(normalize(b, actual))
	for _, carry := range []bool{true, false} {
		nb := merged(l, f, edits, actual, carry)
		if matches(b, strings.Join(nb.text, "\n"), actual) {
			return nb, nil
		}
	}
	nb := actualBody(actual, f.Indent, eolAt(l.Source, f.Start))
	if matches(b, strings.Join(nb.text, "\n"), actual) {
		return nb, nil
	}
	return nil, lesson.Errorf(l.Path, f.Line, "cannot write an expected output that matches the actual output (check the order-by expression); edit it by hand")
}

// merged returns the content of output fence f after the edits: kept
// lines as written (and the blank lines at both ends, which matching
// ignores), actual lines in place of the others.
func merged(l *lesson.Lesson, f *lesson.Fence, edits []match.Edit, actual string, carry bool) *body {
	raw := rawLines(l.Source[f.BodyStart:f.BodyEnd])
	text := strings.Split(f.Text, "\n")
	lead, trail := blankEnds(raw)
	eol := eolAt(l.Source, f.Start)
	act := strings.Split(strings.ReplaceAll(actual, "\r\n", "\n"), "\n")
	nb := &body{}
	for i := range lead {
		nb.keep(raw[i], text[i])
	}
	for _, e := range edits {
		switch {
		case e.Line > 0:
			nb.keep(raw[e.Line-1], text[e.Line-1])
		case carry && e.Replaces > 0:
			nb.add(match.Carry(text[e.Replaces-1], trimLine(act[e.Actual-1])), f.Indent, eol)
		default:
			nb.add(outputLine(act[e.Actual-1]), f.Indent, eol)
		}
	}
	for i := len(raw) - trail; i < len(raw); i++ {
		nb.keep(raw[i], text[i])
	}
	return nb
}

// newOutput returns the edit that adds an output block after b, which has
// none, if b runs and printed something.
func newOutput(l *lesson.Lesson, b *lesson.Block, actual string) (edit, bool, error) {
	if b.Opts.Mode != lesson.Run || b.Opts.Exercise || match.Normalize(actual) == "" {
		return edit{}, false, nil
	}
	f := b.Code
	if err := rewritable(l, f); err != nil {
		return edit{}, false, err
	}
	eol := eolAt(l.Source, f.Start)
	nb := actualBody(actual, f.Indent, eol)
	if err := refuseControl(l, f, nb, "the output", printEscaped); err != nil {
		return edit{}, false, err
	}
	fence := strings.Repeat("`", fenceLen(nb.text, '`', 3))
	indent := strings.Repeat(" ", f.Indent)
	last := !bytes.HasSuffix(l.Source[:f.End], []byte("\n")) // the file ends without a newline
	var out bytes.Buffer
	out.WriteString(eol)
	if last {
		out.WriteString(eol)
	}
	out.WriteString(indent + fence + "output" + eol)
	out.Write(nb.raw.Bytes())
	out.WriteString(indent + fence)
	if !last {
		out.WriteString(eol)
	}
	return edit{f.End, f.End, out.Bytes()}, true, nil
}

// actualBody returns the actual output as the content of an output block.
func actualBody(actual string, indent int, eol string) *body {
	nb := &body{}
	lines := textLines(actual)
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	for _, line := range lines {
		nb.add(outputLine(line), indent, eol)
	}
	return nb
}

// outputLine returns a line of actual output as an expected line that
// matches it literally.
func outputLine(s string) string { return match.Escape(trimLine(s)) }

// trimLine removes what matching ignores at the end of a line.
func trimLine(s string) string { return strings.TrimRight(s, " \t\r") }

// blankEnds returns the number of blank lines at the start and at the end
// of lines, as the output matcher ignores them.
func blankEnds(lines [][]byte) (lead, trail int) {
	for lead < len(lines) && blank(lines[lead]) {
		lead++
	}
	for trail < len(lines)-lead && blank(lines[len(lines)-1-trail]) {
		trail++
	}
	return lead, trail
}

// matches reports whether the expected text of block b matches actual
// output, as the verdict judges it (soft lines that do not match are
// warnings, not failures).
func matches(b *lesson.Block, expected, actual string) bool {
	p, err := match.Compile(normalize(b, expected), b.Out.Match())
	return err == nil && p.Match(normalize(b, actual)).OK
}

// normalize applies to a block that expects a report of the Go runtime the
// normalisation the verdict applies to it.
func normalize(b *lesson.Block, s string) string {
	if b.Opts.Race || b.Opts.Expect.Kind != "" {
		return verdict.NormalizeReport(s)
	}
	return s
}
