package match

import "strings"

// Display returns the expected text as a diff against actual output should
// show it: every expected line that matches an actual line on its own,
// placeholders included, is replaced by that actual line, so that it
// reads as unchanged context and only the lines that really differ stand
// out. Other lines are left as written.
func (p *Pattern) Display(actual string) string {
	texts, numbers := NumberedLines(actual)
	byNo := make(map[int]string, len(texts))
	for i, t := range texts {
		byNo[numbers[i]] = t
	}
	shown := make(map[int]string)
	for _, e := range p.Align(actual) {
		if e.Line > 0 && e.Actual > 0 {
			shown[e.Line] = byNo[e.Actual]
		}
	}
	lines := make([]string, len(p.lines))
	for i, l := range p.lines {
		if t, ok := shown[l.no]; ok {
			lines[i] = t
		} else {
			lines[i] = l.raw
		}
	}
	return strings.Join(lines, "\n")
}
