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
		if _, err := new(Assembler).Assemble(cells[:19], cells[19]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLesson assembles every cell of a lesson of 50 cells in order,
// as a checker does: "once" with one Assembler, which parses each cell
// once; "each" with a new Assembler for each cell, which parses the
// earlier cells again for every cell (as Assemble did before there were
// Assemblers).
func BenchmarkLesson(b *testing.B) {
	cells := lessonCells(50)
	b.Run("once", func(b *testing.B) {
		for b.Loop() {
			var a Assembler
			for i := range cells {
				if _, err := a.Assemble(cells[:i], cells[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("each", func(b *testing.B) {
		for b.Loop() {
			for i := range cells {
				if _, err := new(Assembler).Assemble(cells[:i], cells[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// lessonCells returns n cells of a few declarations and statements each,
// each using the one before.
func lessonCells(n int) []Cell {
	var cells []Cell
	line := 1
	for c := range n {
		code := fmt.Sprintf(`import "fmt"

// T%[1]d is a counter.
type T%[1]d struct{ n int }

// Add adds k.
func (t *T%[1]d) Add(k int) { t.n += k }

var v%[1]d = 1

func f%[1]d(x int) int {
	return x + v%[1]d
}

t := &T%[1]d{}
t.Add(f%[1]d(2))
fmt.Println(t.n)
`, c)
		if c > 0 {
			code += fmt.Sprintf("fmt.Println(f%d(1))\n", c-1)
		}
		cells = append(cells, Cell{Code: code, Line: line})
		line += strings.Count(code, "\n") + 4
	}
	return cells
}
