package serve

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
	"bingfa/web/export"
	"bingfa/web/render"
)

// terms are the English words a Chinese page may show that are not the
// lesson's own: the engines' names (each explained in a tooltip), the
// go command and option names, key names.
var terms = []string{"compiled", "yaegi", "Go", "go", "build", "engine", "Shift", "Enter", "KiB", "ms", "bingfa"}

var (
	unseen    = regexp.MustCompile(`(?s)<(script|style|pre|code|textarea)\b.*?</(script|style|pre|code|textarea)>`)
	compiler  = regexp.MustCompile(`(?s)<ul class="problems build-errors">.*?</ul>`)                                          // the compiler's own words
	svgText   = regexp.MustCompile(`(?s)<text\b.*?</text>|<(?:circle|line|path) class="tl-dot[^"]*"[^>]*><title>.*?</title>`) // the program's lines
	attr      = regexp.MustCompile(`\b(title|aria-label|placeholder|alt)="([^"]*)"`)
	tag       = regexp.MustCompile(`(?s)<[^>]*>`)
	word      = regexp.MustCompile(`[A-Za-z]{2,}`)
	han       = regexp.MustCompile(`\p{Han}`)
	jsString  = regexp.MustCompile(`"((?:[^"\\\n]|\\.)*)"`)
	cssClass  = regexp.MustCompile(`\.([A-Za-z][\w-]*)`)
	classAttr = regexp.MustCompile(`class="([^"{]*)`)
	hyphened  = regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`) // live-note: a class name
)

// strayWords returns the English words a reader sees on page (its text
// and the text of its title, aria-label, placeholder and alt attributes,
// not code nor output) that are neither in the lessons' own text (allowed)
// nor terms.
func strayWords(page string, allowed map[string]bool) []string {
	page = unseen.ReplaceAllString(page, "")
	page = compiler.ReplaceAllString(page, "")
	page = svgText.ReplaceAllString(page, "")
	var seen []string
	for _, m := range attr.FindAllStringSubmatch(page, -1) {
		seen = append(seen, m[2])
	}
	seen = append(seen, tag.ReplaceAllString(page, " "))
	var stray []string
	for _, s := range seen {
		for _, w := range word.FindAllString(s, -1) {
			if !allowed[w] && !slices.Contains(terms, w) && !slices.Contains(stray, w) {
				stray = append(stray, w)
			}
		}
	}
	return stray
}

// lessonWords returns every word of the test lessons: the lessons' text
// (prose, block names, options, code) is theirs to show.
func lessonWords(t *testing.T) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob("testdata/lessons/*.md")
	m := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range word.FindAllString(string(b), -1) {
			m[w] = true
		}
	}
	return m
}

// TestNoStrayEnglish checks that a Chinese course's pages, live and
// exported, with passing, failing and stopped runs, show no English word
// of their own: every word comes from the message catalogue.
func TestNoStrayEnglish(t *testing.T) {
	t.Parallel() // its own server
	allowed := lessonWords(t)
	ts := newTestServer(t, Config{})
	pages := map[string]string{}
	for _, u := range []string{"/", "/lessons/live", "/lessons/cells", "/lessons/reports"} {
		resp, err := ts.Client().Get(ts.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		pages["GET "+u] = string(b)
	}
	pages["pass"] = done(t, ts.run(t, "hello", code(t, "hello"))).HTML
	pages["fail"] = done(t, ts.run(t, "hello", strings.Replace(code(t, "hello"), "你好", "再见", 1))).HTML
	pages["build error"] = done(t, ts.run(t, "hello", strings.Replace(code(t, "hello"), "fmt.Println", "fmt.Printl", 1))).HTML
	pages["race"] = done(t, ts.runIn(t, "reports", "racy", "")).HTML

	ls, err := lesson.Load([]string{"testdata/lessons/live.md", "testdata/lessons/cells.md", "testdata/lessons/reports.md"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := export.Write(dir, ls, nil, render.Config{}); err != nil {
		t.Fatal(err)
	}
	exported, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, f := range exported {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages["export "+filepath.Base(f)] = string(b)
	}
	for name, p := range pages {
		if p == "" {
			t.Errorf("%s: empty", name)
		}
		if stray := strayWords(p, allowed); len(stray) > 0 {
			t.Errorf("%s: English words not from the catalogue: %q", name, stray)
		}
	}
}

// TestEventsInChinese runs blocks through the run API of a server that
// routes them (yaegi for what it can run, compiled otherwise), and checks
// the words of their events, start and done (why an engine ran the
// block, problems, warnings), and of the API's refusals: a compiled run
// with the router's reason, a run that falls back from yaegi to compiled,
// a failing run, a server and its client, a stopped run. Every word comes from the catalogue, in
// the lesson's language.
func TestEventsInChinese(t *testing.T) {
	t.Parallel() // its own server and engines
	allowed := lessonWords(t)
	ts := newTestServerMode(t, Config{}, wiring.Auto)
	var evs []sseEvent
	evs = append(evs, ts.run(t, "hello", code(t, "hello"))...)
	evs = append(evs, ts.run(t, "hello", strings.Replace(code(t, "hello"), "你好", "再见", 1))...)
	evs = append(evs, ts.runIn(t, "reports", "racy", "")...)
	// A server, built only, and its client, which runs with it.
	evs = append(evs, ts.runIn(t, "reports", "srv", "")...)
	evs = append(evs, ts.runIn(t, "reports", "get", "")...)
	// A program never built before: a built one is run as it is
	// ("already built"), without trying yaegi.
	slow := ts.runIn(t, "reports", "slow", fmt.Sprintf("\n// %d\n", time.Now().UnixNano()))
	if d := done(t, slow); d.Engine != "compiled" || !strings.HasPrefix(d.Why, "yaegi 运行不了它：") {
		t.Errorf("slow: engine %s, why %q; want compiled after yaegi's failure, in Chinese", d.Engine, d.Why)
	}
	evs = append(evs, slow...)
	status, rep := ts.post(t, "forever", code(t, "forever"))
	if status != http.StatusOK {
		t.Fatalf("forever: status %d", status)
	}
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	waitPids(t, ch)
	req, _ := http.NewRequest("POST", ts.URL+rep.Stop, nil)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for ev := range ch {
		evs = append(evs, ev)
	}
	whys := 0
	for _, ev := range evs {
		if ev.name != "start" && ev.name != "done" {
			continue
		}
		var d doneEvent // a start event's fields are a done event's
		if err := json.Unmarshal([]byte(ev.data), &d); err != nil {
			t.Fatal(err)
		}
		words := []string{d.Why}
		if d.Why != "" {
			whys++
		}
		for _, p := range append(d.Problems, d.Warnings...) {
			words = append(words, p.Msg)
		}
		for _, w := range words {
			if stray := strayWords(html.EscapeString(w), allowed); len(stray) > 0 {
				t.Errorf("%s event: English words not from the catalogue in %q: %q", ev.name, w, stray)
			}
		}
	}
	if whys < 8 {
		t.Errorf("only %d events say why an engine ran their block", whys)
	}
	for _, body := range []string{`{"lesson":"live","block":"nope"}`, `{"lesson":"nope","block":"x"}`, `{"lesson":`} {
		resp, err := ts.Client().Post(ts.URL+"/api/run", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !han.Match(b) {
			t.Errorf("the run API's refusal of %s is not in Chinese: %q", body, b)
		}
	}
}

// runIn runs a block of lesson, its code followed by more, and returns
// its events.
func (ts *testServer) runIn(t testing.TB, name, block, more string) []sseEvent {
	t.Helper()
	ls, err := lesson.Load([]string{"testdata/lessons/" + name + ".md"})
	if err != nil {
		t.Fatal(err)
	}
	src := ls[0].Block(block).Code.Text + more
	body, _ := json.Marshal(runRequest{Lesson: name, Block: block, Code: &src})
	resp, err := ts.Client().Post(ts.URL+"/api/run", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var rep runReply
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("run %s/%s: %s %v", name, block, resp.Status, err)
	}
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	var evs []sseEvent
	for ev := range ch {
		evs = append(evs, ev)
	}
	return evs
}

// TestScriptsHaveNoWords checks that the pages' scripts take every word
// from the page's catalogue: none of their strings holds Chinese, nor
// English words that are not the stylesheets' class names.
func TestScriptsHaveNoWords(t *testing.T) {
	classes := map[string]bool{}
	for _, css := range []string{"static/live.css", "../assets/style.css"} {
		b, err := os.ReadFile(css)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cssClass.FindAllStringSubmatch(string(b), -1) {
			classes[m[1]] = true
		}
	}
	tmpls, _ := filepath.Glob("../render/templates/*.html")
	for _, f := range tmpls {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range classAttr.FindAllStringSubmatch(string(b), -1) {
			for _, c := range strings.Fields(m[1]) {
				classes[c] = true
			}
		}
	}
	for _, js := range []string{"static/live.js", "../assets/bingfa.js"} {
		b, err := os.ReadFile(js)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			for _, m := range jsString.FindAllStringSubmatch(line, -1) {
				if s := m[1]; han.MatchString(s) || sentence(s, classes) {
					t.Errorf("%s:%d: a word in the script: %q", js, i+1, s)
				}
			}
		}
	}
}

// sentence reports whether s looks like words for a reader: two or more
// words separated by spaces, not all of them code (class names,
// selectors, element names).
func sentence(s string, classes map[string]bool) bool {
	f := strings.Fields(s)
	if len(f) < 2 || s == "use strict" {
		return false
	}
	for _, w := range f {
		if !classes[w] && !hyphened.MatchString(w) && !strings.ContainsAny(w, ".#[:=") && !slices.Contains(elements, w) {
			return true
		}
	}
	return false
}

// elements are the HTML elements the scripts select.
var elements = []string{"a", "li", "span", "pre", "div", "p", "button", "code", "ol", "ul"}
