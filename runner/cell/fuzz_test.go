package cell

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzAssemble checks, for any two cells, that Assemble does not panic,
// that the line map has one entry per source line, and that every mapped
// line holds the text of that lesson line (an import, its spec).
func FuzzAssemble(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		c := parseCase(&testing.T{}, string(data))
		first, last := c.cells[0].Code, c.cells[len(c.cells)-1].Code
		f.Add(first, last)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = strings.ReplaceAll(a, "\r", ""), strings.ReplaceAll(b, "\r", "")
		lesson := strings.Split(a+"\n"+b, "\n")
		na := strings.Count(a, "\n") + 1
		p, err := new(Assembler).Assemble([]Cell{{Code: a, Line: 1}}, Cell{Code: b, Line: na + 1})
		if err != nil {
			return
		}
		src := bytes.Split(bytes.TrimSuffix(p.Source, []byte("\n")), []byte("\n"))
		if len(src) != len(p.Lines) {
			t.Fatalf("%d source lines, %d in the line map", len(src), len(p.Lines))
		}
		for i, at := range p.Lines {
			if at == 0 {
				continue
			}
			if at < 1 || at > len(lesson) {
				t.Fatalf("source line %d maps to lesson line %d of %d", i+1, at, len(lesson))
			}
			// Lines are copied as they are, imports as their spec.
			if got := string(src[i]); got != lesson[at-1] && !strings.Contains(lesson[at-1], strings.TrimSpace(got)) {
				t.Fatalf("source line %d is %q, lesson line %d is %q", i+1, src[i], at, lesson[at-1])
			}
		}
	})
}
