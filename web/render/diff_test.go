package render

import (
	"fmt"
	"strings"
	"testing"

	"bingfa/runner/lesson"
	"bingfa/runner/msg"
	"bingfa/runner/verdict"
)

// TestDiffAlign: the side-by-side diff marks the lines that update would
// replace (match.Pattern.Align), placeholders and {{...}} included.
func TestDiffAlign(t *testing.T) {
	for _, c := range []struct {
		name, opts, want, got string
		changed               string // per side, "wanted|got", one letter a line: x changed, . not
	}{
		{"placeholder", "", "a\n{{int}}\nc\n", "a\n42\nd\n", "..x|..x"},
		{"any", "", "start\n{{...}}\nend\n", "start\n1\n2\nend\n", "...|...."},
		{"missing", "", "a\nb\nc\n", "a\nc\n", ".x.|.."},
		{"extra", "", "a\nc\n", "a\nb\nc\n", "..|.x."},
		{"unordered", " unordered", "b\na\n", "a\nc\n", ".x|.x"}, // sorted: a b | a c
	} {
		t.Run(c.name, func(t *testing.T) {
			src := fmt.Sprintf("# T\n\n```go\npackage main\n\nfunc main() {}\n```\n\n```output%s\n%s```\n", c.opts, c.want)
			l, err := lesson.Parse("t.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			d := newDiff(l.Blocks[0], c.got, &verdict.Verdict{}, msg.Zh)
			if got := marks(d.Want) + "|" + marks(d.Got); got != c.changed {
				t.Errorf("changed lines %s, want %s", got, c.changed)
			}
		})
	}
}

func marks(ls []DiffLine) string {
	var b strings.Builder
	for _, l := range ls {
		if l.Changed {
			b.WriteByte('x')
		} else {
			b.WriteByte('.')
		}
	}
	return b.String()
}
