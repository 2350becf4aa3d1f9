package verdict

import "regexp"

// Texts of the Go runtime that expect= looks for.
const (
	raceWarning   = "WARNING: DATA RACE"
	deadlockError = "fatal error: all goroutines are asleep - deadlock!"
	raceExit      = 66 // exit status of a program in which a race was found
)

var reportRules = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)\b(goroutine) \d+`), "$1 N"},
	{regexp.MustCompile(`0x[0-9a-fA-F]{6,}`), "0xADDR"},
	{regexp.MustCompile(`(?m)(\s)(?:[A-Za-z]:)?(?:[^\s:]*/)?([^/\s:]+\.go):(\d+)`), "$1$2:$3"},
	{regexp.MustCompile(`(?m) \+0x[0-9a-fA-F]+$`), ""},
}

// NormalizeReport normalises what varies between runs in a report of the
// Go runtime (a panic, a deadlock, a data race): goroutine ids become N,
// addresses 0xADDR, file paths their base name, and program-counter
// offsets (+0x1d) are dropped. Both the expected and the actual output of
// a block with race or expect= are normalised, so that a lesson can show a
// report as it really looks.
func NormalizeReport(s string) string {
	for _, r := range reportRules {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	return s
}
