package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// drift checks that a block with file= holds the same code as that file,
// which is the source of truth. It reports a problem when they differ or
// the file is missing. Lessons not read from disk are not checked.
func drift(l *lesson.Lesson, b *lesson.Block) (verdict.Problem, bool) {
	if b.Opts.File == "" || l.Dir == "" || b.Opts.Exercise {
		return verdict.Problem{}, true
	}
	path := filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File))
	src, err := os.ReadFile(path)
	if err != nil {
		return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf("file=%s: %v", b.Opts.File, err)}, false
	}
	if SameCode(string(src), b.Code.Text) {
		return verdict.Problem{}, true
	}
	return verdict.Problem{Line: b.Code.Line, Msg: fmt.Sprintf(
		"the code differs from %s, its source: run `go run . update %s` to copy the file into the lesson", b.Opts.File, l.Path)}, false
}

// SameCode reports whether two copies of a program are the same, ignoring
// line endings and trailing blank lines.
func SameCode(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	}
	return norm(a) == norm(b)
}
