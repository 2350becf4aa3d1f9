package render

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"bingfa/runner/lesson"
)

// A Mark is a line of a block's code, numbered as the reader's editor
// numbers it (the code's first line is 1), that a compile error names (Kind
// ""), or a run's race report (MarkRace) or crash (MarkCrash): see runMarks.
type Mark struct {
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
	Msg  string `json:"msg"`
	Kind string `json:"kind,omitempty"`
}

// buildPrefix starts the problem of a program that does not compile (see
// package verdict); the compiler's errors follow, one a line.
const buildPrefix = "does not compile:\n"

// compilerLine is one error of the compiler: "path:line:col: message".
var compilerLine = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?: (.*)$`)

// buildFailed reports whether the block v of lesson l did not compile. If
// so, its compile errors at lines of its own code become its Marks,
// numbered from the code's first line, and leave its problems; the pane
// shows no run (no exit status, no output, no replay).
func (v *Block) buildFailed(l *lesson.Lesson) bool {
	i := -1
	for j, p := range v.Problems {
		if strings.HasPrefix(p.Msg, buildPrefix) {
			i = j
		}
	}
	if i < 0 {
		return false
	}
	v.BuildFailed = true
	v.Exit, v.Signal, v.Replay, v.Output, v.Timeline = 0, "", nil, nil, ""
	lines := strings.Count(v.Source, "\n") + 1
	var rest []string
	for _, s := range strings.Split(strings.TrimPrefix(v.Problems[i].Msg, buildPrefix), "\n") {
		if m := v.mark(l, s, lines); m != nil {
			v.Marks = append(v.Marks, *m)
		} else if s != "" {
			rest = append(rest, s)
		}
	}
	if len(rest) == 0 {
		v.Problems = append(v.Problems[:i:i], v.Problems[i+1:]...)
	} else {
		v.Problems[i].Msg = buildPrefix + strings.Join(rest, "\n")
	}
	return true
}

// mark returns the compiler's error s as a mark on the block's code, or
// nil when s is not about a line of it (another file, a notebook cell's
// earlier cells).
func (v *Block) mark(l *lesson.Lesson, s string, lines int) *Mark {
	m := compilerLine.FindStringSubmatch(s)
	if m == nil || filepath.Base(m[1]) != filepath.Base(l.Path) {
		return nil
	}
	n, _ := strconv.Atoi(m[2])
	line := n - v.Block.Code.Line
	if line < 1 || line > lines {
		return nil
	}
	col, _ := strconv.Atoi(m[3])
	return &Mark{Line: line, Col: col, Msg: m[4]}
}
