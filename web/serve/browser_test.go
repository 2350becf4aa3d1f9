package serve

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"bingfa/runner/proc"
)

// chromium is the browser the end-to-end test drives (Debian's package).
const chromium = "/usr/bin/chromium"

// newBrowser returns a tab of the headless Chromium that the tests share
// (started by the first test that needs it, with the flags it needs as
// root and on a closed network; closed by TestMain), the test's own until
// it ends, when it goes back to a blank page and to the pool of tabs.
// The browser is shared: starting one costs seconds on a loaded machine.
// Its tabs are few (browserTabs), opened as tests need them: opening a
// tab made Chromium start a page of its own, which cost about a second of
// CPU. Every test starts by navigating to its own server, a new origin
// (own storage), as a new tab did. A test that runs in parallel calls
// t.Parallel before newBrowser, or it would hold a tab while it waits for
// the serial tests. It skips the test when Chromium is absent, unless CI
// is set.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("no " + chromium + " (apt-get install chromium); CI is not set")
		}
		t.Fatal(err)
	}
	shared.once.Do(startBrowser)
	if shared.err != nil {
		t.Fatalf("starting %s: %v", chromium, shared.err)
	}
	tab, err := takeTab()
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(func() {
		// The test's page stops (its event streams, its timers) before
		// the next test navigates: the test's server is closed by now.
		ctx, cancel := context.WithTimeout(tab, time.Minute)
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Errorf("leaving the test's page: %v", err)
		}
		shared.idle <- tab
	})
	// A browser that stops answering fails the test instead of hanging it.
	// The bound is generous: a loaded 2-core machine builds a lesson's
	// programs many times slower than an idle one.
	ctx, cancelLimit := context.WithTimeout(tab, 8*time.Minute)
	t.Cleanup(cancelLimit)
	return ctx
}

// browserTabs is how many tabs the tests use at most, so as many browser
// tests run at once; more wait for a tab. On the 2-core machine (warm, a
// load of about 2 from other work), the package's tests took 12.3 to
// 12.6 s with one tab, the browser tests one after the other; 9.3 to
// 9.6 s with two tabs, the browser tests in parallel and the racy
// block's runs a second shorter. With 3 tests at once (see
// moreParallel), three tabs were no faster than two (8.8 s both).
const browserTabs = 2

// takeTab returns an idle tab, or opens one if fewer than browserTabs
// are open, or waits for one.
func takeTab() (context.Context, error) {
	select {
	case tab := <-shared.idle:
		return tab, nil
	default:
	}
	if !reserveTab() {
		return <-shared.idle, nil
	}
	return openTab()
}

// reserveTab counts a tab about to be opened, unless browserTabs are.
func reserveTab() bool {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.opened == browserTabs {
		return false
	}
	shared.opened++
	return true
}

// openTab opens a tab that reserveTab counted, in a window of its own: a
// tab hidden behind another would get no animation frames.
func openTab() (context.Context, error) {
	tab, cancel := chromedp.NewContext(shared.ctx)
	shared.mu.Lock()
	shared.cancels = append(shared.cancels, cancel)
	shared.mu.Unlock()
	if err := chromedp.Do(tab, focused()); err != nil {
		shared.mu.Lock()
		shared.opened--
		shared.mu.Unlock()
		return nil, err
	}
	return tab, nil
}

// focused makes a tab's pages behave as the page of a focused window
// does, as a reader's page does, though only one of the browser's
// windows has the focus: a page of a window that lost it (to a tab opened
// later, in a window of its own) has no focused element, and an editor
// that loses the focus closes.
func focused() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
}

// warmBrowser starts the shared browser and opens its tabs in the
// background, while the serial tests run on one core: a run of every
// test of the package (no -run pattern) runs the browser tests, and the
// browser's start (about a second) and its second tab's (a second of
// Chromium's CPU) would otherwise be part of theirs.
func warmBrowser() {
	if f := flag.Lookup("test.run"); f == nil || f.Value.String() != "" {
		return
	}
	if f := flag.Lookup("test.list"); f == nil || f.Value.String() != "" {
		return
	}
	if _, err := os.Stat(chromium); err != nil {
		return
	}
	shared.warm.Go(func() {
		shared.once.Do(startBrowser)
		if shared.err != nil {
			return
		}
		for reserveTab() {
			tab, err := openTab()
			if err != nil {
				return
			}
			shared.idle <- tab
		}
	})
}

// omniboxPopups are the features of Chromium that preload the address
// bar's popup (in WebUI) at start.
const omniboxPopups = "WebUIOmniboxPopup,WebUIOmniboxAimPopup"

// shared is the browser and the tabs the tests share: starting a browser
// costs seconds on a loaded machine, a tab about a second of CPU.
var shared struct {
	once    sync.Once
	ctx     context.Context      // the browser's first tab
	idle    chan context.Context // the open tabs no test uses
	mu      sync.Mutex           // guards opened and cancels
	opened  int                  // tabs open, the first one included
	cancels []context.CancelFunc // close the tabs opened after the first
	err     error
	close   func()
	warm    sync.WaitGroup // warmBrowser's work
}

// startBrowser starts the shared browser.
func startBrowser() {
	dir, err := os.MkdirTemp("", "bingfa-chromium-")
	if err != nil {
		shared.err = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Chromium 156 loads the address bar's popup, a page of its own
		// in a renderer of its own, even headless: about 0.9 s of CPU at
		// every start, for a popup no test opens.
		chromedp.Flag("disable-features", omniboxPopups),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	shared.ctx = ctx
	shared.idle = make(chan context.Context, browserTabs)
	shared.close = func() {
		shared.mu.Lock()
		for _, cancel := range shared.cancels {
			cancel()
		}
		shared.mu.Unlock()
		cancelCtx()
		cancelAlloc()
		killBrowsers()
		os.RemoveAll(dir)
	}
	// The first run starts the browser, which lives as long as the
	// context of that run: it has no time limit.
	if shared.err = chromedp.Do(ctx, focused()); shared.err == nil {
		shared.opened = 1
		shared.idle <- ctx
	}
}

// ownProcesses returns the processes below this test binary but for the
// shared browser's.
func ownProcesses() []proc.Process {
	var ps []proc.Process
	for _, p := range proc.Descendants(os.Getpid()) {
		if !strings.HasPrefix(p.Comm, "chrom") {
			ps = append(ps, p)
		}
	}
	return ps
}

// closeBrowser closes the shared browser, if a test started it.
func closeBrowser() {
	shared.warm.Wait()
	if shared.close != nil {
		shared.close()
	}
}

// killBrowsers kills and reaps what is left of Chromium once chromedp has
// stopped it: its helper processes can outlive the browser, and this test
// binary, a child subreaper once it has run a program, inherits them.
func killBrowsers() {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		left := 0
		for _, p := range proc.Descendants(os.Getpid()) {
			if !strings.HasPrefix(p.Comm, "chrom") {
				continue
			}
			left++
			_ = syscall.Kill(p.Pid, syscall.SIGKILL)
			if p.PPid == os.Getpid() {
				var ws syscall.WaitStatus
				_, _ = syscall.Wait4(p.Pid, &ws, syscall.WNOHANG, nil)
			}
		}
		if left == 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// cell returns the CSS selector of an element in block's cell.
func cell(block, sel string) string {
	return fmt.Sprintf(`figure.cell[data-block="live/%s"] %s`, block, sel)
}

// result returns a JavaScript expression for block's result pane.
func result(block string) string {
	return fmt.Sprintf(`document.querySelector('.result[data-block="live/%s"]')`, block)
}

// TestBrowser reads the test lesson in headless Chromium: edits a cell with
// the keyboard and runs it, sees a failing verdict with its diff; solves
// the exercise; runs a program that prints and then waits, sees its output
// before it ends, stops it and checks that its processes are gone.
func TestBrowser(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	do(t, ctx, chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/live")), chromedp.WaitVisible(cell("hello", "pre.code")))

	t.Run("signed in", func(t *testing.T) {
		// The link's token is gone from the address bar, and no script
		// can read the session cookie.
		if got := get(t, ctx, chromedp.Evaluate[string](`location.pathname + location.search + "|" + document.cookie`)); got != "/lessons/live|" {
			t.Errorf("location and cookies seen by the page: %q, want %q", got, "/lessons/live|")
		}
	})

	t.Run("editor opens and closes", func(t *testing.T) {
		editor := `document.querySelector('figure.cell[data-block="live/builds"] .live-editor')`
		do(t, ctx,
			poll(`getComputedStyle(`+editor+`).display === "none"`),
			chromedp.Click(cell("builds", "pre.code")),
			poll(`getComputedStyle(`+editor+`).display !== "none" && document.activeElement.tagName === "TEXTAREA"`),
			press(kb.Escape, 0),
			poll(`getComputedStyle(`+editor+`).display === "none"`),
		)
	})

	t.Run("fragment", func(t *testing.T) {
		do(t, ctx, poll(`document.querySelector('figure.cell[data-block="live/fragment"] [data-action="run"]') === null`))
	})

	t.Run("editor keys", func(t *testing.T) {
		do(t, ctx,
			chromedp.Click(cell("builds", "pre.code")),
			chromedp.SetValue(cell("builds", "textarea"), "func main() {"),
			press(kb.Enter, 0),
			press("x", 0),
			press(kb.Enter, 0),
			press(kb.Tab, 0),
		)
		got := get(t, ctx, chromedp.Value(cell("builds", "textarea")))
		if want := "func main() {\n\tx\n\t\t"; got != want {
			t.Errorf("editor text %q, want %q", got, want)
		}
		do(t, ctx, chromedp.Click(cell("builds", `[data-action="reset"]`)))
	})

	t.Run("edit and run", func(t *testing.T) {
		src := strings.Replace(code(t, "hello"), "你好", "再见", 1)
		do(t, ctx,
			chromedp.Click(cell("hello", "pre.code")),
			chromedp.SetValue(cell("hello", "textarea"), src),
			press(kb.Enter, int64(chromedp.ModifierShift)),
			poll(result("hello")+`.getAttribute("data-verdict") === "fail"`),
		)
		out := get(t, ctx, chromedp.Text(`.result[data-block="live/hello"] pre.output`))
		diff := get(t, ctx, chromedp.Text(`.result[data-block="live/hello"] .diff`))
		if strings.TrimSpace(out) != "再见" {
			t.Errorf("output %q", out)
		}
		if !strings.Contains(diff, "你好") || !strings.Contains(diff, "再见") {
			t.Errorf("diff %q", diff)
		}
	})

	t.Run("compile error in the gutter", func(t *testing.T) {
		// fmt.Printl is on line 6 of the editor (line 11 of the lesson).
		src := strings.Replace(code(t, "hello"), "fmt.Println", "fmt.Printl", 1)
		gutterMark := `document.querySelector('figure.cell[data-block="live/hello"] .live-gutter .live-mark')`
		do(t, ctx,
			chromedp.SetValue(cell("hello", "textarea"), src),
			chromedp.Click(cell("hello", `[data-action="run"]`)),
			poll(result("hello")+`.querySelector(".build-errors") !== null`),
			poll(gutterMark+` !== null`),
		)
		got := get(t, ctx, chromedp.Evaluate[string](`(function(){var m=`+gutterMark+`;var c=document.querySelectorAll('figure.cell[data-block="live/hello"] pre.code .line.live-mark');return m.textContent+"|"+m.title+"|"+c.length})()`))
		if !strings.HasPrefix(got, "6|") || !strings.Contains(got, "undefined: fmt.Printl") || !strings.HasSuffix(got, "|1") {
			t.Errorf("gutter mark, its title, marked code lines: %q, want line 6 with the compiler's message, one code line", got)
		}
		pane := get(t, ctx, chromedp.Evaluate[string](`(function(){var r=`+result("hello")+`;return r.querySelector(".badge").textContent+"|"+(r.querySelector("pre.output")===null)+"|"+(r.querySelector("button.replay")===null)+"|"+r.textContent.includes("退出状态")})()`))
		if pane != "编译失败|true|true|false" {
			t.Errorf("build failure pane (badge|no output|no replay|exit status): %q", pane)
		}
		do(t, ctx, chromedp.Click(cell("hello", `[data-action="reset"]`)), poll(gutterMark+` === null`))
	})

	t.Run("exercise answer", func(t *testing.T) {
		do(t, ctx,
			chromedp.Click(cell("goal", "button.show-answer")),
			poll(`getComputedStyle(document.querySelector('figure.cell[data-block="live/goal"] .live-answer')).display !== "none"`),
		)
		if got := get(t, ctx, chromedp.Text(cell("goal", ".live-answer pre"))); !strings.Contains(got, "fmt.Println(42)") {
			t.Errorf("the reference answer shown: %q", got)
		}
		do(t, ctx, chromedp.Click(cell("goal", "button.use-answer")))
		if got := get(t, ctx, chromedp.Value(cell("goal", "textarea"))); !strings.Contains(got, "fmt.Println(42)") {
			t.Errorf("the editor after using the answer: %q", got)
		}
		do(t, ctx, chromedp.Click(cell("goal", `[data-action="reset"]`)))
	})

	// The server's events never cut a character (TestChineseStream, with
	// 30 000 lines); here the page must show what several output events
	// carry: 6 000 lines (about 80 kB, more than the pipe holds and than
	// the server reads at once: at least three reads of the program's
	// output), not more, since the page takes seconds to show 30 000.
	// The program writes them in 4 KiB pieces, which cut characters, not
	// line by line: a write a line made one event of a line or a few, up
	// to a hundred or more, and the page laid out its growing pane again
	// after each (0.4 to 9 s of the browser's CPU, against about 0.3 s).
	t.Run("chinese stream", func(t *testing.T) {
		src := "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tw := bufio.NewWriter(os.Stdout)\n\tdefer w.Flush()\n\tfor i := 0; i < 6000; i++ {\n\t\tfmt.Fprintf(w, \"并发%d行\\n\", i)\n\t}\n}\n"
		do(t, ctx,
			chromedp.SetValue(cell("hello", "textarea"), src),
			chromedp.Click(cell("hello", `[data-action="run"]`)),
			poll(result("hello")+`.getAttribute("data-verdict") === "fail"`),
		)
		out := get(t, ctx, chromedp.Evaluate[string](result("hello")+`.querySelector("pre.output").textContent`))
		if strings.ContainsRune(out, '\uFFFD') || !strings.HasPrefix(out, "并发0行\n并发1行\n") {
			t.Errorf("the output pane holds U+FFFD or not the program's lines: %.80q", out)
		}
		do(t, ctx, chromedp.Click(cell("hello", `[data-action="reset"]`)))
	})

	t.Run("exercise", func(t *testing.T) {
		do(t, ctx,
			poll(result("goal")+`.querySelector(".live-goal") !== null`),
			chromedp.Click(cell("goal", "pre.code")),
			chromedp.SetValue(cell("goal", "textarea"), strings.Replace(code(t, "goal"), "(0)", "(42)", 1)),
			chromedp.Click(cell("goal", `[data-action="run"]`)),
			poll(result("goal")+`.querySelector(".live-exercise.ok") !== null`),
		)
	})

	t.Run("stream and stop", func(t *testing.T) {
		do(t, ctx,
			chromedp.Click(cell("forever", `[data-action="run"]`)),
			poll(result("forever")+`.querySelector("pre.output").textContent.includes("pids")`),
		)
		out := get(t, ctx, chromedp.Text(`.result[data-block="live/forever"] pre.output`))
		pids := hostPids(t, out)
		parent, child := pids[0], pids[1]
		if !alive(parent) || !alive(child) {
			t.Fatalf("the program printed its pids but is not running")
		}
		do(t, ctx,
			chromedp.Click(cell("forever", `[data-action="stop"]`)),
			poll(result("forever")+`.querySelector(".live-stopped") !== null`),
			// Neither pass nor fail: a neutral badge, nothing to compare.
			poll(result("forever")+`.getAttribute("data-verdict") === "stopped" && `+
				result("forever")+`.querySelector(".badge").textContent === "已停止" && `+
				result("forever")+`.querySelector(".diff, .problems") === null`),
		)
		for _, pid := range []int{parent, child} {
			if alive(pid) {
				t.Errorf("process %d is still running after Stop", pid)
			}
		}
	})
}

// TestBrowserRunAll runs every cell of the test lesson with "run all",
// then stops it at the cell that never ends.
func TestBrowserRunAll(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	do(t, ctx,
		chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/live")),
		chromedp.Click("button.run-all"),
		poll(result("forever")+`.querySelector("pre.output").textContent.includes("pids")`),
		poll(result("hello")+`.getAttribute("data-verdict") === "pass"`),
		poll(result("count")+`.getAttribute("data-verdict") === "pass"`),
		chromedp.Click("button.stop-all"),
		poll(`document.querySelector(".live-runall .meta").textContent.includes("已停止")`),
		poll(result("forever")+`.querySelector(".live-stopped") !== null`),
	)
	// The exercise, untouched, is to do: neither run nor failed.
	if status := get(t, ctx, chromedp.Text(".live-runall .meta")); !strings.Contains(status, "2 / 4 段通过") || !strings.Contains(status, "1 段练习未完成") {
		t.Errorf("run all status %q, want 2 of 4 passed and 1 exercise to do", status)
	}
	if v := get(t, ctx, chromedp.Evaluate[string](`String(`+result("goal")+`.getAttribute("data-verdict"))`)); v != "null" {
		t.Errorf("run all ran the untouched exercise: its verdict is %s", v)
	}
}

// TestBrowserReload edits a cell, then the lesson on disk: the page
// reloads by itself, shows the new text, and keeps the reader's edit.
func TestBrowserReload(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "live.md")
	src, err := os.ReadFile("testdata/lessons/live.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Library: lib})
	edit := strings.Replace(code(t, "hello"), "你好", "草稿", 1)
	do(t, ctx,
		chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/live")),
		chromedp.Click(cell("hello", "pre.code")),
		chromedp.SetValue(cell("hello", "textarea"), edit),
		press(kb.Escape, 0),
		// SetValue fires no input event, typing does: the page saves the
		// reader's edit on input.
		chromedp.Evaluate[chromedp.Void](`document.querySelector('figure.cell[data-block="live/hello"] textarea').dispatchEvent(new Event("input"))`),
	)
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), "# 在线运行", "# 改过的标题", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// The page navigates while the poll runs: poll again in the new page.
	title := poll(`document.querySelector("h1") && document.querySelector("h1").textContent.includes("改过的标题")`)
	for i := 0; ; i++ {
		err := chromedp.Do(ctx, title)
		if err == nil {
			break
		}
		if i == 5 {
			t.Fatal(err)
		}
	}
	do(t, ctx, chromedp.WaitVisible(cell("hello", "pre.code")))
	if got := get(t, ctx, chromedp.Value(cell("hello", "textarea"))); got != edit {
		t.Errorf("after the reload the cell holds %q, want the reader's edit %q", got, edit)
	}
}

// do runs browser actions, failing the test on error with what the page
// shows: a poll that timed out does not say which.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%v; the page: %s", err, pageState(ctx))
	}
}

// pageState returns the page's address, its focus, and each result pane's
// block, verdict and first words.
func pageState(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " focus=" + document.hasFocus() + " scrollY=" + scrollY +
		Array.from(document.querySelectorAll(".live-runall .meta, .result")).map(function (r) {
			return "\n  " + (r.dataset.block || "run all") + " " + r.getAttribute("data-verdict") + ": " + r.textContent.slice(0, 120);
		}).join("")`))
	if err != nil {
		return err.Error()
	}
	return s
}

// get runs an action that returns a string.
func get(t *testing.T, ctx context.Context, a chromedp.Action[string]) string {
	t.Helper()
	s, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// press types keys as a person does: a key down carrying the text it
// types, then a key up. (chromedp.KeyEvent sends the text as a separate
// char event, which a page cannot cancel: Enter would insert a newline
// even when the editor handles it.)
func press(keys string, modifiers int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			evs := kb.Encode(r)
			text := ""
			for _, e := range evs {
				if e.Type == kb.KeyChar {
					text = e.Text
				}
			}
			for _, e := range evs {
				if e.Type == kb.KeyChar {
					continue
				}
				e.Modifiers |= modifiers
				if e.Type == kb.KeyDown {
					e.Text = text
				}
				if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// poll waits until a JavaScript expression is true: a condition, with a
// bound only so that a broken page fails instead of hanging (TestBrowserRunAll
// took over a minute at a load average of 18). It asks every
// browserPollEvery, not at every animation frame (chromedp's default), which
// kept the headless browser drawing frames for as long as a test waited.
func poll(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(4*time.Minute), chromedp.WithPollingInterval(browserPollEvery))
}

// browserPollEvery is how often poll asks: often enough to add nothing a
// test would notice, seldom enough to leave the browser idle meanwhile.
const browserPollEvery = 20 * time.Millisecond

// TestBrowserCells opens the lesson of notebook cells: a cell shows the
// earlier cells it depends on, "run all above" runs them in order, and
// "restart" forgets the reader's edits and the outputs.
func TestBrowserCells(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	fig := func(block, sel string) string {
		return fmt.Sprintf(`figure.cell[data-block="cells/%s"] %s`, block, sel)
	}
	res := func(block string) string {
		return fmt.Sprintf(`document.querySelector('.result[data-block="cells/%s"]')`, block)
	}
	do(t, ctx,
		chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/cells")),
		poll(`document.querySelector('figure.cell[data-block="cells/use"] .live-depends') !== null`),
	)
	if deps := get(t, ctx, chromedp.Text(fig("use", ".live-depends"))); deps != "依赖：define" {
		t.Errorf("use: depends line %q, want 依赖：define", deps)
	}
	if href := get(t, ctx, chromedp.Evaluate[string](`document.querySelector('figure.cell[data-block="cells/use"] .live-depends a').getAttribute("href")`)); href == "" || document(ctx, t, href) == "" {
		t.Errorf("use: the dependency links to %q, not to a cell of the page", href)
	}
	do(t, ctx,
		chromedp.Click(fig("use", "button.run-above")),
		poll(res("define")+`.getAttribute("data-verdict") !== null`),
		poll(res("use")+`.getAttribute("data-verdict") === "pass"`),
		chromedp.Click(fig("use", "pre.code")),
		chromedp.SetValue(fig("use", "textarea"), "import \"fmt\"\n\nfmt.Println(shout(\"bye\"))\n"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('figure.cell[data-block="cells/use"] textarea').dispatchEvent(new Event("input"))`),
		poll(`document.querySelector('figure.cell[data-block="cells/use"]').classList.contains("live-edited")`),
		press(kb.Escape, 0),
		chromedp.Click("button.restart"),
		poll(`!document.querySelector('figure.cell[data-block="cells/use"]').classList.contains("live-edited")`),
		poll(res("use")+`.getAttribute("data-verdict") === null`),
	)
	if got := get(t, ctx, chromedp.Evaluate[string](`document.querySelector('figure.cell[data-block="cells/use"] textarea').value`)); !strings.Contains(got, `"hi"`) {
		t.Errorf("after restart the cell holds %q, want the lesson's code", got)
	}
}

// document returns the tag name of the element with id (a #fragment), or "".
func document(ctx context.Context, t *testing.T, frag string) string {
	return get(t, ctx, chromedp.Evaluate[string](fmt.Sprintf(
		`(function(){var e=document.getElementById(%q);return e?e.tagName:""})()`, strings.TrimPrefix(frag, "#"))))
}

// TestBrowserTrace runs a traced block: when the run ends, the page shows
// the picture of its execution trace under the output, one lane for each
// of its two goroutines, and its facts.
func TestBrowserTrace(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	res := `document.querySelector('.result[data-block="traced/handoff"]')`
	do(t, ctx,
		chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/traced")),
		chromedp.WaitVisible(`figure.cell[data-block="traced/handoff"] pre.code`),
		chromedp.Click(`figure.cell[data-block="traced/handoff"] button.run`),
		poll(res+` && `+res+`.getAttribute("data-verdict") !== null`),
	)
	if v := get(t, ctx, chromedp.Evaluate[string](res+`.getAttribute("data-verdict")`)); v != "pass" {
		t.Fatalf("verdict %s, want pass; pane:\n%s", v, get(t, ctx, chromedp.Evaluate[string](res+`.textContent`)))
	}
	lanes := get(t, ctx, chromedp.Evaluate[string](`Array.from(`+res+`.querySelectorAll("svg.trace g.lane > text")).map(e => e.lastChild.textContent).join(",")`))
	if lanes != "main,main.main.func1" {
		t.Errorf("lanes of the picture: %q, want main,main.main.func1", lanes)
	}
	shown := get(t, ctx, chromedp.Evaluate[string](`(function () {
		var r = `+res+`, svg = r.querySelector("svg.trace"), out = r.querySelector("pre.output");
		if (!svg || !out) return "missing";
		var box = svg.getBoundingClientRect();
		return box.width > 0 && box.height > 0 && (out.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING) ? "under the output" : "not shown";
	})()`))
	if shown != "under the output" {
		t.Errorf("the picture is %s", shown)
	}
	if facts := get(t, ctx, chromedp.Evaluate[string](res+`.querySelector(".trace-facts").textContent`)); !strings.Contains(facts, "同时运行最多：1") {
		t.Errorf("facts shown: %q", facts)
	}
}

// TestBrowserReports reads reports.md: a data race marks both of its
// accesses in the editor's gutter and on the code, with the race
// detector's account on hover; a panic of an edited program marks where it
// crashed; a long output scrolls in its pane, which "show all" unfolds;
// an exercise's hint is folded until the reader opens it.
func TestBrowserReports(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	fig := func(block, sel string) string {
		return fmt.Sprintf(`figure.cell[data-block="reports/%s"] %s`, block, sel)
	}
	res := func(block string) string {
		return fmt.Sprintf(`document.querySelector('.result[data-block="reports/%s"]')`, block)
	}
	// marks returns "line:title" of each marked line of block's gutter
	// and the number of marked lines of its code.
	marks := func(block string) string {
		return get(t, ctx, chromedp.Evaluate[string](fmt.Sprintf(`(function(){
			var f = document.querySelector('figure.cell[data-block="reports/%s"]');
			var g = Array.from(f.querySelectorAll(".live-gutter .live-mark")).map(function (m) { return m.textContent + ":" + m.title; });
			return g.join("|") + "#" + f.querySelectorAll("pre.code .line.live-mark").length;
		})()`, block)))
	}
	do(t, ctx, chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/reports")), chromedp.WaitVisible(fig("racy", "pre.code")))

	t.Run("race in the gutter", func(t *testing.T) {
		do(t, ctx,
			chromedp.Click(fig("racy", `[data-action="run"]`)),
			poll(res("racy")+`.getAttribute("data-verdict") === "pass"`),
		)
		got := marks("racy")
		// The goroutine writes x at line 11, main reads it at line 14
		// (which of them the report names first depends on the schedule).
		for _, want := range []string{"11:第 11 行：数据竞争：goroutine", "在这里写", "14:第 14 行：数据竞争：main goroutine", "在这里读", "#2"} {
			if !strings.Contains(got, want) {
				t.Errorf("race marks %q, want %q in them", got, want)
			}
		}
		if out := get(t, ctx, chromedp.Text(`.result[data-block="reports/racy"] pre.output`)); strings.Contains(out, "bingfa.build") || !strings.Contains(out, "main.go:11") {
			t.Errorf("the race report names build paths, or not main.go:11: %q", out)
		}
	})

	t.Run("panic in the gutter", func(t *testing.T) {
		src := "package main\n\nfunc f(s []int) int { return s[5] }\n\nfunc main() {\n\tprintln(f(nil))\n}\n"
		do(t, ctx,
			chromedp.Click(fig("long", "pre.code")),
			chromedp.SetValue(fig("long", "textarea"), src),
			chromedp.Click(fig("long", `[data-action="run"]`)),
			poll(res("long")+`.getAttribute("data-verdict") === "fail"`),
		)
		if got := marks("long"); !strings.HasPrefix(got, "3:第 3 行：程序在这里崩溃：runtime error: index out of range") || !strings.Contains(got, "|6:") || !strings.HasSuffix(got, "#2") {
			t.Errorf("panic marks %q, want line 3 (where it crashed) and 6 (its caller)", got)
		}
		do(t, ctx, chromedp.Click(fig("long", `[data-action="reset"]`)), poll(`document.querySelector('figure.cell[data-block="reports/long"] .live-gutter .live-mark') === null`))
	})

	t.Run("show all", func(t *testing.T) {
		pre := res("long") + `.querySelector("pre.output")`
		do(t, ctx,
			chromedp.Click(fig("long", `[data-action="run"]`)),
			poll(res("long")+`.getAttribute("data-verdict") === "pass"`),
			poll(res("long")+`.querySelector("button.show-all") !== null`),
		)
		capped := get(t, ctx, chromedp.Evaluate[string](`(function(){var p=`+pre+`;return String(p.scrollHeight > p.clientHeight + 100)+"|"+`+res("long")+`.querySelector("button.show-all").textContent})()`))
		if capped != "true|显示全部" {
			t.Errorf("a 300-line output (pane overflows|control): %q, want true|显示全部", capped)
		}
		do(t, ctx,
			chromedp.Click(`.result[data-block="reports/long"] button.show-all`),
			poll(pre+`.scrollHeight <= `+pre+`.clientHeight + 2`),
			poll(res("long")+`.querySelector("button.show-all").textContent === "收起"`),
		)
	})

	t.Run("hint", func(t *testing.T) {
		details := `document.querySelector("details.hint")`
		if got := get(t, ctx, chromedp.Evaluate[string](`(function(){var d=`+details+`;return d.querySelector("summary").textContent+"|"+d.open+"|"+d.querySelector("p").checkVisibility()})()`)); got != "提示|false|false" {
			t.Errorf("the hint before it is asked for (label|open|its text visible): %q, want 提示|false|false", got)
		}
		do(t, ctx,
			chromedp.Click(`details.hint > summary`),
			poll(details+`.open && `+details+`.querySelector("p").checkVisibility()`),
		)
		if got := get(t, ctx, chromedp.Text(`details.hint p`)); got != "把 0 换成 7。" {
			t.Errorf("the hint's text %q, want 把 0 换成 7。", got)
		}
	})
}

// TestBrowserPython edits a Python program in headless Chromium: Tab and
// Enter after a colon indent with four spaces, not a tab (a TabError in
// Python), and an edited program runs with python3 and fails its check.
func TestBrowserPython(t *testing.T) {
	t.Parallel() // its own server, a tab of the pool
	if !hasPython() {
		t.Skip("no Python interpreter here")
	}
	ctx := newBrowser(t)
	ts := newTestServer(t, Config{})
	py := func(sel string) string { return `figure.cell[data-block="python/py"] ` + sel }
	do(t, ctx,
		chromedp.Navigate(ts.URL+ts.s.LoginPath("/lessons/python")),
		chromedp.WaitVisible(py("pre.code.lang-python")),
		chromedp.Click(py("pre.code")),
		chromedp.SetValue(py("textarea"), "for i in range(2):"),
		press(kb.Enter, 0),
		press("x", 0),
		press(kb.Enter, 0),
		press(kb.Tab, 0),
	)
	if got, want := get(t, ctx, chromedp.Value(py("textarea"))), "for i in range(2):\n    x\n        "; got != want {
		t.Errorf("editor text %q, want %q", got, want)
	}
	do(t, ctx,
		chromedp.SetValue(py("textarea"), "for i in range(2):\n    print('GIL', i)\n"),
		press(kb.Enter, int64(chromedp.ModifierShift)),
		poll(`document.querySelector('.result[data-block="python/py"]').getAttribute("data-verdict") === "fail"`),
	)
	if out := get(t, ctx, chromedp.Text(`.result[data-block="python/py"] pre.output`)); strings.TrimSpace(out) != "GIL 0\nGIL 1" {
		t.Errorf("output %q", out)
	}
}
