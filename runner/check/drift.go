package check

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// drift checks that a block with file= holds the same code as that file.
// For a complete program the file is the source of truth and the block
// its copy. For a notebook cell the lesson is the source of truth: the
// file holds the complete program the cell assembles (CellFile), so that
// it runs with go run as every example does. It reports a problem when
// they differ or the file is missing. Lessons not read from disk are not
// checked.
// A cell's program is p, nil when it cannot be assembled.
func drift(l *lesson.Lesson, b *lesson.Block, p *engine.Program) (verdict.Problem, bool) {
	if b.Opts.File == "" || l.Dir == "" || b.Opts.Exercise {
		return verdict.Problem{}, true
	}
	path := filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File))
	src, err := os.ReadFile(path)
	if err != nil {
		return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf("file=%s: %v", b.Opts.File, err)}, false
	}
	if !b.Opts.Cell {
		if SameCode(string(src), b.Code.Text) {
			return verdict.Problem{}, true
		}
		return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf(
			"the code differs from %s, its source: run `go run . update %s` to copy the file into the lesson", b.Opts.File, l.Path)}, false
	}
	if p == nil {
		return verdict.Problem{}, true // an assembly error is reported with the program
	}
	if want, err := format.Source(p.Source); err != nil || SameCode(string(src), string(want)) {
		return verdict.Problem{}, true // so is a syntax error
	}
	return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf(
		"%s differs from the program this cell assembles: run `go run . update %s` to write the file", b.Opts.File, l.Path)}, false
}

// CellFile returns what the file= of notebook cell b holds: the complete
// program the cell assembles from the cells of l up to it, gofmt-ed.
func CellFile(l *lesson.Lesson, b *lesson.Block) ([]byte, error) {
	p, err := Program(l, b)
	if err != nil {
		return nil, err
	}
	return format.Source(p.Source)
}

// SameCode reports whether two copies of a program are the same, ignoring
// line endings and trailing blank lines.
func SameCode(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	}
	return norm(a) == norm(b)
}
