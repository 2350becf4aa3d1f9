package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// TestClipLine checks that long lines are cut at a rune boundary and say
// how much was left out.
func TestClipLine(t *testing.T) {
	short := strings.Repeat("x", maxDiffLineSize)
	if got := clipLine(short); got != short {
		t.Errorf("a line of %d bytes was clipped: %q", len(short), got)
	}
	long := strings.Repeat("世", 1000) // 3000 bytes
	got := clipLine(long)
	if !utf8.ValidString(got) || !strings.HasPrefix(got, "世世") || !strings.HasSuffix(got, fmt.Sprintf("… (%d more bytes)", 3000-399)) {
		t.Errorf("clipLine of 1000 runes of 3 bytes = %q", got)
	}
}

// TestWriteDiffLimits checks that a diff of a flooding program is cut
// short in the terminal.
func TestWriteDiffLimits(t *testing.T) {
	var diff strings.Builder
	diff.WriteString("--- expected\n+++ actual\n@@ -1 +1,500 @@\n-x\n")
	diff.WriteString("+" + strings.Repeat("0123456789", 10000) + "\n")
	for i := 0; i < 499; i++ {
		fmt.Fprintf(&diff, "+line %d\n", i)
	}
	var b strings.Builder
	writeDiff(&b, diff.String(), Colors{})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != maxDiffLines+1 {
		t.Errorf("%d lines written, want %d", len(lines), maxDiffLines+1)
	}
	if last := lines[len(lines)-1]; last != "    ... and 304 more lines of diff (the JSON report has the whole output)" {
		t.Errorf("last line = %q", last)
	}
	if l := lines[4]; len(l) > maxDiffLineSize+40 || !strings.HasSuffix(l, "… (99601 more bytes)") {
		t.Errorf("long line written as %q", l[:80])
	}
}

// TestWriteProblemsOnce checks that the same problem from two engines is
// written once.
func TestWriteProblemsOnce(t *testing.T) {
	r := &check.Result{
		Lesson: &lesson.Lesson{Path: "x.md"},
		Block:  &lesson.Block{Name: "b"},
		Problems: []verdict.Problem{
			{Line: 3, Msg: "engines disagree"}, {Line: 9, Msg: "output differs"},
			{Line: 9, Msg: "output differs"}, {Line: 9, Msg: "exit status 1, want 0"},
		},
		Warnings: []verdict.Problem{{Line: 3, Msg: "left 2 process(es)"}, {Line: 3, Msg: "left 2 process(es)"}},
	}
	var b strings.Builder
	WriteProblems(&b, r, Colors{})
	want := "x.md:3: block b: engines disagree\nx.md:9: block b: output differs\nx.md:9: block b: exit status 1, want 0\n" +
		"x.md:3: block b: warning: left 2 process(es)\n"
	if b.String() != want {
		t.Errorf("WriteProblems wrote\n%s\nwant\n%s", b.String(), want)
	}
}
