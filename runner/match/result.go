package match

import (
	"fmt"
	"strings"
)

// A Result is the outcome of matching actual output against a Pattern.
type Result struct {
	OK       bool
	Failure  *Failure          // why the match failed; nil when OK
	Warnings []*Failure        // soft lines that did not match
	Values   map[string]string // the named values, when OK
}

// A Failure explains one expected line that did not match.
type Failure struct {
	Line       int    // 1-based line of the expected text; 0 when not about one line
	Expected   string // that line as written
	ActualLine int    // 1-based line of the actual output; 0 when none
	Actual     string // that line
	Msg        string // what went wrong
}

func (f *Failure) String() string {
	var b strings.Builder
	if f.Line > 0 {
		fmt.Fprintf(&b, "expected line %d: %s\n", f.Line, f.Expected)
	}
	if f.ActualLine > 0 {
		fmt.Fprintf(&b, "actual line %d:   %s\n", f.ActualLine, f.Actual)
	}
	b.WriteString(f.Msg)
	return b.String()
}
