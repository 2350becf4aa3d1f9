package cell

import (
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	udiff "github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*.txt")

// TestAssemble assembles the cells of every testdata case and compares
// the program, with its line map, or the error, with the case's golden
// section.
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
			got := c.run()
			if *update {
				if err := os.WriteFile(file, []byte(c.head+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != c.golden {
				t.Errorf("%s differs (go test -update rewrites it):\n%s", file, udiff.Unified("want", "got", c.golden, got))
			}
		})
	}
}

// A testCase is one testdata file: cells, then the golden section.
type testCase struct {
	cells  []Cell
	head   string // the file up to the golden section
	golden string // the golden section, its header line included
}

// parseCase reads a case. Each "-- cell --" section is a cell, whose
// lesson lines are its lines in the file.
func parseCase(t *testing.T, data string) *testCase {
	c := &testCase{}
	lines := strings.SplitAfter(data, "\n")
	var cur *Cell
	for i, l := range lines {
		switch strings.TrimSpace(l) {
		case "-- cell --":
			c.cells = append(c.cells, Cell{Line: i + 2})
			cur = &c.cells[len(c.cells)-1]
			continue
		case "-- program --", "-- error --":
			c.head = strings.Join(lines[:i], "")
			c.golden = strings.Join(lines[i:], "")
			return c.check(t)
		}
		if cur != nil {
			cur.Code += l
		}
	}
	c.head = data
	return c.check(t)
}

func (c *testCase) check(t *testing.T) *testCase {
	if len(c.cells) == 0 {
		t.Fatal("no -- cell -- section")
	}
	return c
}

// run assembles the last cell after the others and formats the result:
// each source line with its lesson line, or the error.
func (c *testCase) run() string {
	n := len(c.cells) - 1
	p, err := Assemble(c.cells[:n], c.cells[n])
	if err != nil {
		return "-- error --\n" + err.Error() + "\n"
	}
	var b strings.Builder
	b.WriteString("-- program --\n")
	for i, l := range strings.Split(strings.TrimSuffix(string(p.Source), "\n"), "\n") {
		at := ""
		if p.Lines[i] != 0 {
			at = fmt.Sprint(p.Lines[i])
		}
		b.WriteString(strings.TrimRight(fmt.Sprintf("%4s | %s", at, l), " ") + "\n")
	}
	fmt.Fprintf(&b, "-- depends --\n%v\n", p.Depends)
	if _, err := parser.ParseFile(token.NewFileSet(), "main.go", p.Source, 0); err != nil {
		fmt.Fprintf(&b, "-- parse error --\n%v\n", err)
	}
	return b.String()
}
