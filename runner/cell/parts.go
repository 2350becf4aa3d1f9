package cell

import "strings"

// Parts splits the code of a cell into its imports and declarations, in
// order, and its statements, the body of its main: the two halves of a
// GoNB cell, which wraps what follows a %% line in func main. Blank
// lines and comments between chunks go with the chunk that follows.
func Parts(code string) (declarations, statements string) {
	var d, s strings.Builder
	for _, ch := range split(code, 1) {
		b := &d
		if ch.kind == stmts {
			b = &s
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(ch.text())
	}
	return d.String(), s.String()
}
