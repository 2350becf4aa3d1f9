package cell

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"bingfa/internal/golden"
)

// TestAssemble assembles the cells of every testdata case and compares
// the program, with its line map, or the error, with the case's golden
// sections.
func TestAssemble(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := parseCase(t, string(data))
			golden.Archive(t, file, c.inputs, c.run()...)
		})
	}
}

// A testCase is one testdata archive: cells, then the golden sections.
type testCase struct {
	cells  []Cell
	inputs *txtar.Archive // the archive without its golden sections
}

// parseCase reads a case. Each "cell" section is a cell, whose lesson
// lines are its lines in the file.
func parseCase(t *testing.T, data string) *testCase {
	a := txtar.Parse([]byte(data))
	c := &testCase{inputs: golden.Without(a, "program", "depends", "error", "parse error")}
	line := 1 + strings.Count(string(a.Comment), "\n") // the first section's marker
	for _, f := range a.Files {
		line++
		if f.Name == "cell" {
			c.cells = append(c.cells, Cell{Line: line, Code: string(f.Data)})
		}
		line += bytes.Count(f.Data, []byte("\n"))
	}
	if len(c.cells) == 0 {
		t.Fatal("no -- cell -- section")
	}
	return c
}

// run assembles the last cell after the others and returns the golden
// sections: the program, each source line with its lesson line, and its
// dependencies; or the error.
func (c *testCase) run() []txtar.File {
	n := len(c.cells) - 1
	p, err := new(Assembler).Assemble(c.cells[:n], c.cells[n])
	if err != nil {
		return []txtar.File{{Name: "error", Data: []byte(err.Error() + "\n")}}
	}
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSuffix(string(p.Source), "\n"), "\n") {
		at := ""
		if p.Lines[i] != 0 {
			at = fmt.Sprint(p.Lines[i])
		}
		b.WriteString(strings.TrimRight(fmt.Sprintf("%4s | %s", at, l), " ") + "\n")
	}
	out := []txtar.File{
		{Name: "program", Data: []byte(b.String())},
		{Name: "depends", Data: fmt.Appendf(nil, "%v\n", p.Depends)},
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "main.go", p.Source, 0); err != nil {
		out = append(out, txtar.File{Name: "parse error", Data: fmt.Appendf(nil, "%v\n", err)})
	}
	return out
}
