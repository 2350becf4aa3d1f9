package report

import (
	"bytes"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// TestCourseOrder: lessons whose checks end out of order are listed in
// the course's order; one that never ends does not hold the others back
// past the summary.
func TestCourseOrder(t *testing.T) {
	ls := []*lesson.Lesson{{Path: "a.md"}, {Path: "b.md"}, {Path: "c.md"}, {Path: "d.md"}}
	var out bytes.Buffer
	term := NewTerminal(&out, false, false).WithoutTimes().WithOrder(ls)
	for _, i := range []int{2, 0, 3} { // b.md never ends
		term.LessonDone(ls[i], nil)
	}
	if got := out.String(); got != "ok   a.md  0 blocks\n" {
		t.Errorf("before the summary:\n%s", got)
	}
	term.Summary(&check.Report{})
	var paths []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if f := strings.Fields(line); len(f) > 1 && strings.HasSuffix(f[1], ".md") {
			paths = append(paths, f[1])
		}
	}
	if got := strings.Join(paths, " "); got != "a.md c.md d.md" {
		t.Errorf("lessons listed as %s, want a.md c.md d.md", got)
	}
}
