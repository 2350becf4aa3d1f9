package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// TestClipSide: a side longer than maxDiffLines keeps maxDiffLines lines
// from a little before its first changed line, with gap lines for what
// is left out.
func TestClipSide(t *testing.T) {
	side := func(n, changed int) []DiffLine {
		ls := diffLines(make([]string, n), false)
		if changed >= 0 {
			ls[changed].Changed = true
		}
		return ls
	}
	for _, tt := range []struct {
		n, changed int
		want       string // first line's number, last line's, gaps before and after
	}{
		{10, 3, "1-10"},
		{maxDiffLines, -1, "1-400"},
		{1000, -1, "1-400 +600"},
		{1000, 50, "1-400 +600"},
		{1000, 500, "-400 401-800 +200"},
		{1000, 990, "-600 601-1000"},
	} {
		got := clipSide(side(tt.n, tt.changed), msg.En)
		var desc []string
		if got[0].Gap {
			desc = append(desc, fmt.Sprintf("-%d", len(side(tt.n, -1))-countKept(got)-gapAfter(got)))
		}
		kept := kept(got)
		desc = append(desc, fmt.Sprintf("%d-%d", kept[0].No, kept[len(kept)-1].No))
		if n := gapAfter(got); n > 0 {
			desc = append(desc, fmt.Sprintf("+%d", n))
		}
		if s := strings.Join(desc, " "); s != tt.want {
			t.Errorf("%d lines, changed at %d: %s, want %s", tt.n, tt.changed, s, tt.want)
		}
	}
}

func kept(ls []DiffLine) []DiffLine {
	var out []DiffLine
	for _, l := range ls {
		if !l.Gap {
			out = append(out, l)
		}
	}
	return out
}

func countKept(ls []DiffLine) int { return len(kept(ls)) }

// gapAfter returns the number of lines the gap at the end of ls stands
// for (0 for none), read from its text.
func gapAfter(ls []DiffLine) int {
	last := ls[len(ls)-1]
	if !last.Gap {
		return 0
	}
	var n int
	fmt.Sscanf(string(last.HTML), "… (%d lines", &n)
	return n
}

// TestLongOutputPage: a program that prints 30 000 lines makes a page of
// a few hundred kilobytes, not megabytes: its output, replay, timeline
// and line-by-line comparison are each cut short.
func TestLongOutputPage(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata/crash.md"})
	if err != nil {
		t.Fatal(err)
	}
	b := ls[0].Block("race")
	var out strings.Builder
	for i := range 30000 {
		fmt.Fprintf(&out, "并发%d行\n", i)
	}
	o := &engine.Outcome{Engine: "compiled", Exit: 66, Elapsed: time.Second,
		Events: []engine.Event{{Data: []byte(out.String())}, {Time: time.Second, Data: []byte("WARNING: DATA RACE\n")}}}
	r := newTestRenderer(t)
	p, err := r.Page(ls, 0, Results{b: judge(ls[0], b, []*engine.Outcome{o})})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := r.WritePage(&page, p); err != nil {
		t.Fatal(err)
	}
	if page.Len() > 400<<10 {
		t.Errorf("the page is %d KiB", page.Len()>>10)
	}
	for _, want := range []string{"并发0行", "这里省略了", "页面只保留前 64 KiB"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}
