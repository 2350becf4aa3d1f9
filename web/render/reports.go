package render

import "regexp"

// A report of the Go runtime or its race detector (a data race, a panic,
// a fatal error) is many lines that the program did not print: the
// timeline shows it as one marker, at the time of its first line, so
// that the program's own lines stay readable.
var (
	raceFence   = "=================="
	raceStart   = "WARNING: DATA RACE"
	raceSummary = regexp.MustCompile(`^Found \d+ data race\(s\)$`)
	// A panic (the interpreter's starts with the position of each frame:
	// "3:30: panic: main.f(...)") or a fatal error ends the program: its
	// report runs to the end of the output.
	crashStart = regexp.MustCompile(`^(\d+:\d+: )?panic: |^fatal error: `)
)

// foldReports returns the lines of ls with each report replaced by one
// line: its first line, with Report set to the number of lines folded.
// A race report runs from its opening fence to its closing one, and the
// detector's summary at exit ("Found 1 data race(s)") is folded into the
// report before it.
func foldReports(ls []line) []line {
	var out []line
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		switch {
		case l.Text == raceFence && i+1 < len(ls) && ls[i+1].Text == raceStart:
			end := i + 2
			for end < len(ls) && ls[end].Text != raceFence {
				end++
			}
			end = min(end+1, len(ls))
			out = append(out, line{At: l.At, Stream: l.Stream, Text: raceStart, Report: end - i})
			i = end - 1
		case raceSummary.MatchString(l.Text) && lastReport(out) >= 0:
			out[lastReport(out)].Report++
		case crashStart.MatchString(l.Text):
			return append(out, line{At: l.At, Stream: l.Stream, Text: l.Text, Report: len(ls) - i})
		default:
			out = append(out, l)
		}
	}
	return out
}

// lastReport returns the index of the last report in ls, or -1.
func lastReport(ls []line) int {
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].Report > 0 {
			return i
		}
	}
	return -1
}
