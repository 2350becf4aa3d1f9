package term

import "bingfa/runner/report"

// safe returns s as it may be written to a terminal: control characters
// (escape sequences that would clear the screen or move the cursor),
// bidirectional controls and invalid UTF-8 written as Go escapes (\x1b,
// \u202e, \xff), as check writes them (see report.Printable). Program
// output and the lesson's own text go through it; only the reader's own
// styles reach the terminal raw.
func safe(s string) string { return report.Printable(s) }
