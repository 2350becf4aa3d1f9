package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bingfa/runner/wiring"
)

// TestRunBeforePrebuild starts a server's background build of a course of
// many blocks, holds its first go build (with the go command of
// runner/compiled/testdata/go, which logs every go build), and asks for a
// run of the course's last block: the run's own build starts and the run
// ends while the background build under way is held, its queued event
// says it waits for its build and how far the course's build has got,
// and the background builds that were queued start only after it, without
// its program.
func TestRunBeforePrebuild(t *testing.T) {
	ts, dir := manyServer(t)
	// b04 is held too: the queued builds must start, but need not build
	// (seven programs compiled and linked for nothing).
	hold(t, dir, "b00", "b04")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	prebuilt := make(chan struct{})
	go func() {
		defer close(prebuilt)
		ts.s.Prebuild(ctx)
	}()
	waitLog(t, dir, "start b00 b01 b02 b03")

	body, _ := json.Marshal(runRequest{Lesson: "many", Block: "b11"})
	resp, err := ts.Client().Post(ts.URL+"/api/run", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var rep runReply
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("run: %s, %v", resp.Status, err)
	}
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	var evs []sseEvent
	for ev := range ch {
		evs = append(evs, ev)
	}
	if d := done(t, evs); d.Status != "pass" {
		t.Errorf("the run: %+v", d)
	}
	var q queuedEvent
	if evs[0].name != "queued" || json.Unmarshal([]byte(evs[0].data), &q) != nil || !q.Build || q.Built != 0 || q.Total != manyBlocks {
		t.Errorf("first event: %s %s; want queued, waiting for its build, 0 of %d built", evs[0].name, evs[0].data, manyBlocks)
	}
	release(t, dir, "b00")
	// The queued builds start, held (b04); what they build is no business
	// of this test: they stop with the engines.
	waitLog(t, dir, "start b04 b05 b06 b07 b08 b09 b10")
	cancel()
	<-prebuilt
	log := readLog(t, dir)
	want := []string{"start b00 b01 b02 b03", "start b11", "end b11", "end b00 b01 b02 b03", "start b04 b05 b06 b07 b08 b09 b10"}
	got := slices.DeleteFunc(slices.Clone(log), func(l string) bool { return !slices.Contains(want, l) })
	if !slices.Equal(got, want) {
		t.Errorf("go builds, in order:\n%s\nwant, in this order:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
}

// TestBrowserRunBeforePrebuild is TestRunBeforePrebuild in Chromium,
// with the run's own build held too: while it waits for it, the run's
// badge says so, with how far the course's build has got; the run passes
// while the course's first build is still held.
func TestBrowserRunBeforePrebuild(t *testing.T) {
	ctx := newBrowser(t)
	ts, dir := manyServer(t)
	hold(t, dir, "b00", "b11")
	bctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	prebuilt := make(chan struct{})
	go func() {
		defer close(prebuilt)
		ts.s.Prebuild(bctx)
	}()
	run := `figure.cell[data-block="many/b11"] [data-action="run"]`
	res := `document.querySelector('.result[data-block="many/b11"]')`
	do(t, ctx, chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/many")), chromedp.WaitVisible(run))
	waitLog(t, dir, "start b00 b01 b02 b03")
	do(t, ctx, chromedp.Click(run), poll(res+`.querySelector(".badge").textContent === "正在编译 0/12"`))
	waitLog(t, dir, "start b11")
	release(t, dir, "b11")
	do(t, ctx, poll(res+`.getAttribute("data-verdict") === "pass"`))
	if log := readLog(t, dir); slices.Contains(log, "end b00 b01 b02 b03") {
		t.Errorf("the run waited for the course's first build:\n%s", strings.Join(log, "\n"))
	}
	cancel() // the course's builds, still held, stop with the engines
	<-prebuilt
}

// manyBlocks is the number of blocks of manyServer's course.
const manyBlocks = 12

// manyServer serves a course of one lesson, many, of manyBlocks blocks
// b00, b01... that each print their name, with engines that build
// everything anew, whose go command is that of goWrapper. It returns the
// server and goWrapper's directory.
func manyServer(t *testing.T) (*testServer, string) {
	dir := goWrapper(t)
	course := t.TempDir()
	var md strings.Builder
	for i := range manyBlocks {
		fmt.Fprintf(&md, "```go name=b%02d\npackage main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"b%02d\") }\n```\n\n```output\nb%02d\n```\n\n", i, i, i)
	}
	if err := os.WriteFile(filepath.Join(course, "many.md"), []byte(md.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := Dir(course)
	if err != nil {
		t.Fatal(err)
	}
	set, err := wiring.New(wiring.Compiled, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return newTestServer(t, Config{Library: lib, Engines: set}), dir
}

// goWrapper puts runner/compiled/testdata/go first in PATH, with
// GOWRAP_GO set to the real go command and GOWRAP_DIR to a new directory,
// which it returns. The go builds of every test would go through it: the
// tests that use it are not parallel (t.Setenv sees to it).
func goWrapper(t *testing.T) string {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	wrapper, err := filepath.Abs("../../runner/compiled/testdata")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Setenv("PATH", wrapper+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("GOWRAP_GO", goCmd)
	t.Setenv("GOWRAP_DIR", dir)
	return dir
}

// hold makes the go builds of the programs that print names wait.
func hold(t *testing.T, dir string, names ...string) {
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, "hold-"+n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// release lets the go build of the program that prints name go on.
func release(t *testing.T, dir, name string) {
	if err := os.Remove(filepath.Join(dir, "hold-"+name)); err != nil {
		t.Fatal(err)
	}
}

func readLog(t *testing.T, dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, "log"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

// waitLog waits until the go builds' log has line.
func waitLog(t *testing.T, dir, line string) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); !slices.Contains(readLog(t, dir), line); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the go builds' log:\n%s", line, strings.Join(readLog(t, dir), "\n"))
		}
	}
}
