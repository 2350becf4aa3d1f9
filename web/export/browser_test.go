package export

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
	"bingfa/web/render"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's headless-capable browser, which .ci/run installs.
const chromium = "/usr/bin/chromium"

// TestBrowser exports testdata/site with a real run of every block and
// uses it in headless Chromium, from file://: the index links to the
// lessons, code is highlighted, outputs are shown, replay plays the output
// back over time, search finds a Chinese word and leads to its section,
// and nothing is written to the console as an error. Screenshots go to
// $BINGFA_ARTIFACTS/browser (or a temporary directory named in the log).
func TestBrowser(t *testing.T) {
	t.Parallel() // it mostly waits, for its programs and the browser
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not found: skipping the browser test (install it with: apt-get install -y chromium; in CI, where CI is set, this test never skips)", chromium)
		}
		t.Fatalf("%s not found, and CI is set: .ci/run must install chromium", chromium)
	}
	dir, ls := exportSite(t)
	art := artifactDir(t)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx, cancel = chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Chromium 156 loads the address bar's popup, a page of its own
		// in a renderer of its own, even headless: about 0.9 s of CPU at
		// start, for a popup the test never opens. (This replaces the
		// default options' list of features to disable: it repeats it.)
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,WebUIOmniboxPopup,WebUIOmniboxAimPopup"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	)...)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()
	console := watchConsole(t, ctx)

	b := &browser{t: t, ctx: ctx, art: art}
	b.do(chromedp.Navigate(fileURL(filepath.Join(dir, "index.html"))), chromedp.WaitVisible(".lessons a"))
	if got := b.eval(`document.querySelectorAll(".lessons .lesson-entry").length`); got != float64(2) {
		t.Errorf("index lists %v lessons, want 2", got)
	}
	b.screenshot("index.png")

	b.do(chromedp.Click(`.lessons a[href="01-rhythm.html"]`), chromedp.WaitVisible(".cell pre.code"))
	b.wantLocation("01-rhythm.html", "")
	b.checkHighlighted()
	const out = "第 1 次\n第 2 次\n第 3 次\n"
	if got := b.eval(`document.querySelector(".result pre.output").textContent`); got != out {
		t.Errorf("output pane shows %q, want %q", got, out)
	}
	if got := b.eval(`document.querySelector(".result .badge").textContent`); got != "通过" {
		t.Errorf("badge %q, want 通过", got)
	}
	b.screenshot("lesson.png")
	b.checkReplay(out)

	b.checkSearch(searchIndex(t, ls), "守护线程", "程序", "每隔 打印", "300 毫秒", "fmt", "线程结束", "不存在的词")
	b.do(chromedp.SendKeys(".search-input", "守护线程"), chromedp.WaitVisible(".search-results a"))
	b.screenshot("search.png")
	b.do(chromedp.KeyEvent("\r"))
	b.wantLocation("02-search.html", "#守护线程")
	if got := b.eval(`document.querySelector("h2").textContent`); got != "守护线程" {
		t.Errorf("search landed on a page whose first h2 is %q", got)
	}
	b.checkReports()
	cancel()
	for _, m := range console() {
		t.Errorf("console: %s", m)
	}
}

// checkReports checks, on 02-search.html, that the lines a panic's stack
// names are marked on the code with the message on hover, and that a
// long output scrolls in its pane until "show all" unfolds it.
func (b *browser) checkReports() {
	marked := b.eval(`Array.from(document.querySelectorAll('figure.cell[data-block="02-search/crash"] pre.code .line.live-mark')).map(function (l) { return l.title; }).join("|")`)
	if s, _ := marked.(string); !strings.HasPrefix(s, "第 3 行：程序在这里崩溃：runtime error: index out of range") || !strings.Contains(s, "|第 6 行：") {
		b.t.Errorf("marked code lines of the panic: %q, want lines 3 and 6", marked)
	}
	pre := `document.querySelector('.result[data-block="02-search/long"] pre.output')`
	if got := b.eval(pre + `.scrollHeight > ` + pre + `.clientHeight + 100`); got != true {
		b.t.Errorf("a 300-line output pane does not scroll")
	}
	b.do(chromedp.Click(`.result[data-block="02-search/long"] button.show-all`))
	if got := b.eval(pre + `.scrollHeight <= ` + pre + `.clientHeight + 2`); got != true {
		b.t.Errorf("show all did not unfold the output pane")
	}
}

// exportSite runs the blocks of testdata/site and writes the site.
func exportSite(t *testing.T) (string, []*lesson.Lesson) {
	ls, err := lesson.Load([]string{"testdata/site"})
	if err != nil {
		t.Fatal(err)
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	rep := check.New(set.Config()).Check(context.Background(), ls)
	for _, r := range rep.Results {
		if r.Status != verdict.Pass {
			t.Fatalf("%s: %v %v", r.Lesson.Where(r.Block), r.Status, r.Problems)
		}
	}
	dir := t.TempDir()
	if _, err := Write(dir, ls, render.ResultsOf(rep), render.Config{}); err != nil {
		t.Fatal(err)
	}
	return dir, ls
}

// searchIndex returns the search index of the site of ls, as Go builds it.
func searchIndex(t *testing.T, ls []*lesson.Lesson) *render.SearchIndex {
	r, err := render.New(render.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var pages []*render.Page
	for i := range ls {
		p, err := r.Page(ls, i, nil)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	return render.NewSearchIndex(pages)
}

// checkSearch checks that the page's script finds the same sections as
// the Go reference, SearchIndex.Search.
func (b *browser) checkSearch(ix *render.SearchIndex, queries ...string) {
	b.t.Helper()
	for _, q := range queries {
		got := b.eval(fmt.Sprintf(`bingfa.search(%q).map(d => d.u).sort().join("\n")`, q))
		want := ix.Search(q)
		slices.Sort(want)
		b.t.Logf("search %q: %d sections", q, len(want))
		if got != strings.Join(want, "\n") {
			b.t.Errorf("search %q: script found %q, Go finds %q", q, got, want)
		}
	}
}

// artifactDir returns where screenshots are kept after the test.
func artifactDir(t *testing.T) string {
	base := os.Getenv("BINGFA_ARTIFACTS")
	if base == "" {
		base = filepath.Join(os.TempDir(), "bingfa-artifacts")
	}
	dir := filepath.Join(base, "browser")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

func fileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// watchConsole collects the page's console errors and uncaught
// exceptions; the returned function gives those seen so far.
func watchConsole(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// A browser runs the steps of the test in one tab, failing the test at the
// first error.
type browser struct {
	t   *testing.T
	ctx context.Context
	art string
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) eval(expr string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func (b *browser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.art, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// wantLocation waits until the page is the given file of the site, with
// the given (decoded) fragment.
func (b *browser) wantLocation(page, fragment string) {
	b.t.Helper()
	expr := fmt.Sprintf(`location.pathname.endsWith(%q) && decodeURIComponent(location.hash) === %q && document.readyState === "complete"`, "/"+page, fragment)
	// Evaluating while the page changes fails ("Cannot find context"):
	// try again until the deadline.
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr)); ok && err == nil {
			return
		}
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	b.t.Fatalf("location %s, want %s%s: %v", loc, page, fragment, err)
}

// checkHighlighted checks that the code is marked up by chroma and that
// code.css colours it: a keyword is not the colour of a plain name.
func (b *browser) checkHighlighted() {
	b.t.Helper()
	got := b.eval(`(() => {
		const kw = document.querySelector(".cell pre.code .kn"), name = document.querySelector(".cell pre.code .nx");
		if (!kw || !name) return "no chroma classes";
		return getComputedStyle(kw).color !== getComputedStyle(name).color ? "ok" : "keyword not coloured";
	})()`)
	if got != "ok" {
		b.t.Errorf("code not highlighted: %v", got)
	}
}

// checkReplay presses the replay button and records every state of the
// output pane until the replay ends: the lines must appear one at a time,
// in order, and not sooner than they were printed (timers never fire
// early, so this lower bound cannot be flaky).
func (b *browser) checkReplay(out string) {
	b.t.Helper()
	b.eval(`(() => {
		const pre = document.querySelector(".result pre.output");
		window.states = [];
		new MutationObserver(() => states.push([performance.now(), pre.textContent]))
			.observe(pre, {childList: true, subtree: true, characterData: true});
		window.replayed = false;
		document.addEventListener("bingfa:replayed", () => { window.replayed = true; });
		window.beforeClick = performance.now();
		return true;
	})()`)
	b.do(chromedp.Click(".result button.replay"))
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`window.replayed`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.t.Fatalf("replay did not end: %v", err)
	}
	states, ok := b.eval(`states`).([]any)
	if !ok {
		b.t.Fatalf("no states recorded")
	}
	lines := strings.SplitAfter(out, "\n")[:3]
	want := []string{"", lines[0], lines[0] + lines[1], out}
	var seen []string
	var times []float64
	for _, s := range states {
		st := s.([]any)
		text := st[1].(string)
		if len(seen) == 0 || seen[len(seen)-1] != text {
			seen = append(seen, text)
			times = append(times, st[0].(float64))
		}
	}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		b.t.Fatalf("replay showed %q, want the lines one at a time: %q", seen, want)
	}
	// The replay starts after beforeClick, and each line is scheduled at
	// its recorded time from its start. The observer's callbacks run after
	// the click handler has finished, so times[0] (the emptied pane) can
	// be late by as long as the handler took: only beforeClick is a sound
	// lower bound.
	last := b.eval(`JSON.parse(document.querySelector(".result").dataset.replay).events.at(-1).t`).(float64)
	if last < 600 {
		b.t.Errorf("the recorded run printed its last line at %.0f ms; the program sleeps 300 ms between lines", last)
	}
	start := b.eval(`window.beforeClick`).(float64)
	if at := times[3] - start; at < last-1 {
		b.t.Errorf("replay showed the last line at %.0f ms, before its recorded time %.0f ms", at, last)
	}
	b.t.Logf("replay: lines at %.0f, %.0f, %.0f ms", times[1]-times[0], times[2]-times[0], times[3]-times[0])
}
