package export

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/trace"
	"bingfa/runner/verdict"
	"bingfa/web/render"
)

const tracedLesson = "# 交接\n\n```go trace\npackage main\n\nfunc main() {}\n```\n\n```output\n```\n"

// TestTracePicture exports a page whose traced block ran (its trace is
// the one recorded in runner/trace/testdata: main hands off to one
// goroutine under GOMAXPROCS=1): the page holds the picture as inline SVG,
// one lane per goroutine, and the facts, with no script needed to see
// them.
func TestTracePicture(t *testing.T) {
	data, err := os.ReadFile("../../runner/trace/testdata/handoff.trace")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := trace.ReadFiles([]trace.File{{Name: "1.trace", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse("handoff.md", []byte(tracedLesson))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Blocks[0]
	o := &engine.Outcome{Engine: "compiled", Traces: ts}
	res := render.Results{b: {Lesson: l, Block: b, Status: verdict.Pass, Engine: "compiled",
		Runs: []*engine.Outcome{o}, Verdicts: []*verdict.Verdict{{}}}}
	files, err := Render([]*lesson.Lesson{l}, res, render.Config{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["handoff.html"])
	svgs := regexp.MustCompile(`(?s)<svg[^>]*class="trace".*?</svg>`).FindAllString(page, -1)
	if len(svgs) != 1 {
		t.Fatalf("%d trace pictures in the page, want 1", len(svgs))
	}
	lanes := regexp.MustCompile(`<g class="lane" data-goroutine="(\d+)">`).FindAllStringSubmatch(svgs[0], -1)
	var ids []string
	for _, m := range lanes {
		ids = append(ids, m[1])
	}
	if want := len(ts[0].Lanes); len(lanes) != want || want != 2 {
		t.Errorf("lanes of goroutines %v, want one for each of the trace's %d goroutines (2)", ids, want)
	}
	if strings.Contains(svgs[0], "<script") {
		t.Errorf("the picture has a script")
	}
	if !strings.Contains(page, "同时运行最多：1") {
		t.Errorf("the page does not show the trace's facts")
	}
	checkPage(t, "handoff.html", page)
}
