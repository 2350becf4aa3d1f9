package cell

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkAssemble assembles the last of 20 cells of 100 declarations
// and statements each: the work grows about linearly with the code.
func BenchmarkAssemble(b *testing.B) {
	var cells []Cell
	line := 1
	for c := range 20 {
		var code strings.Builder
		for i := range 100 {
			fmt.Fprintf(&code, "// f%d_%d calls the next.\nfunc f%d_%d() int { return f%d_%d() }\n\nx := f%d_%d()\n_ = x\n", c, i, c, i, c, i+1, c, i)
		}
		cells = append(cells, Cell{Code: code.String(), Line: line})
		line += 500
	}
	for b.Loop() {
		if _, err := Assemble(cells[:19], cells[19]); err != nil {
			b.Fatal(err)
		}
	}
}
