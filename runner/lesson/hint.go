package lesson

import "bytes"

// HintPrefixes start an exercise's hint: a blockquote in the exercise's
// section whose text starts with one of them (see docs/format.md). The
// page folds it under a control and `read` shows it on demand; neither
// shows the prefix.
var HintPrefixes = []string{"提示：", "提示:", "Hint:", "Hint：", "hint:"}

// HintPrefix reports whether text (a blockquote's first line) starts
// with a hint prefix, and the length of the prefix with the spaces and
// tabs after it.
func HintPrefix(text []byte) (n int, ok bool) {
	for _, pre := range HintPrefixes {
		if rest, found := bytes.CutPrefix(text, []byte(pre)); found {
			return len(text) - len(bytes.TrimLeft(rest, " \t")), true
		}
	}
	return 0, false
}
