package render

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/match"
	"bingfa/runner/verdict"
)

// TestGolden renders each testdata lesson with its recorded runs and
// without, and compares the pages with the golden files.
func TestGolden(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata"})
	if err != nil {
		t.Fatal(err)
	}
	res := Results{}
	for _, l := range ls {
		for b, r := range readRuns(t, l) {
			res[b] = r
		}
	}
	r := newTestRenderer(t)
	for i, l := range ls {
		t.Run(l.Name, func(t *testing.T) {
			page(t, r, ls, i, res, l.Name+".html")
			page(t, r, ls, i, nil, l.Name+".norun.html")
		})
	}
	var b bytes.Buffer
	if err := r.WriteIndex(&b, r.Index(ls, res)); err != nil {
		t.Fatal(err)
	}
	golden.File(t, filepath.Join("testdata", "index.html"), b.Bytes())
}

func newTestRenderer(t testing.TB) *Renderer {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func page(t *testing.T, r *Renderer, ls []*lesson.Lesson, i int, res Results, name string) {
	t.Helper()
	p, err := r.Page(ls, i, res)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WritePage(&b, p); err != nil {
		t.Fatal(err)
	}
	golden.File(t, filepath.Join("testdata", name), b.Bytes())
}

// readRuns reads the recorded runs of l (testdata/NAME.runs, see
// testdata/README) and judges them as the checker does.
func readRuns(t *testing.T, l *lesson.Lesson) map[*lesson.Block]*check.Result {
	f, err := os.Open(filepath.Join("testdata", l.Name+".runs"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runs := map[*lesson.Block][]*engine.Outcome{}
	skipped := map[*lesson.Block]*check.Result{}
	var cur *engine.Outcome
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s.runs:%d", l.Name, n)
		f := strings.Fields(line)
		if f[0] == "skip" { // skip NAME REASON...: a block the router skipped
			b := l.Block(f[1])
			if b == nil || len(f) < 3 {
				t.Fatalf("%s: want skip NAME REASON", where)
			}
			skipped[b] = &check.Result{Lesson: l, Block: b, Status: verdict.Skip,
				Why: check.Why{Reason: strings.Join(f[2:], " ")}}
			continue
		}
		if f[0] == "block" {
			b := l.Block(f[1])
			if b == nil {
				t.Fatalf("%s: no block %s", where, f[1])
			}
			cur = &engine.Outcome{Engine: engineOf(b)}
			for _, kv := range f[2:] {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "exit":
					cur.Exit, err = strconv.Atoi(v)
				case "elapsed":
					cur.Elapsed, err = time.ParseDuration(v)
				}
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
			}
			runs[b] = append(runs[b], cur)
			continue
		}
		cur.Events = append(cur.Events, event(t, where, line))
	}
	out := map[*lesson.Block]*check.Result{}
	for b, os := range runs {
		out[b] = judge(l, b, os)
	}
	for b, r := range skipped {
		out[b] = r
	}
	return out
}

// event parses `TIME [stream] "TEXT"`.
func event(t *testing.T, where, line string) engine.Event {
	at, rest, _ := strings.Cut(line, " ")
	d, err := time.ParseDuration(at)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	ev := engine.Event{Time: d}
	switch {
	case strings.HasPrefix(rest, "stdout "):
		ev.Stream, rest = engine.Stdout, rest[7:]
	case strings.HasPrefix(rest, "stderr "):
		ev.Stream, rest = engine.Stderr, rest[7:]
	}
	text, err := strconv.Unquote(rest)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	ev.Data = []byte(text)
	return ev
}

// engineOf returns the engine that runs b: python for a Python program,
// else compiled.
func engineOf(b *lesson.Block) string {
	if b.Python() {
		return "python"
	}
	return "compiled"
}

// judge makes the result of runs of b as the checker would.
func judge(l *lesson.Lesson, b *lesson.Block, runs []*engine.Outcome) *check.Result {
	r := &check.Result{Lesson: l, Block: b, Status: verdict.Pass, Engine: engineOf(b), Runs: runs}
	counts := map[string]int{}
	var order []string
	for _, o := range runs {
		r.Elapsed = max(r.Elapsed, o.Elapsed)
		v := verdict.Judge(b, o)
		r.Verdicts = append(r.Verdicts, v)
		if v.Status == verdict.Fail && r.Status == verdict.Pass {
			r.Status, r.Problems, r.Diff = verdict.Fail, v.Problems, v.Diff
		}
		r.Warnings = append(r.Warnings, v.Warnings...)
		a := match.Normalize(v.Actual)
		if counts[a] == 0 {
			order = append(order, a)
		}
		counts[a]++
	}
	if b.Opts.Runs > 1 {
		for _, a := range order {
			r.Distinct = append(r.Distinct, check.Distinct{Output: a, Count: counts[a]})
		}
	}
	return r
}

// TestPagesShareTheDocument renders every testdata page from several
// goroutines at once: a page renders the lesson's own document, which it
// must not change (go test -race finds a page that does), so that every
// rendering is the same.
func TestPagesShareTheDocument(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata"})
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	body := func(i int) string {
		p, err := r.Page(ls, i, nil)
		if err != nil {
			t.Error(err)
			return ""
		}
		return string(p.Body)
	}
	want := make([]string, len(ls))
	for i := range ls {
		want[i] = body(i)
	}
	var wg sync.WaitGroup
	for range 4 {
		for i := range ls {
			wg.Go(func() {
				if got := body(i); got != want[i] {
					t.Errorf("%s renders differently the next time", ls[i].Name)
				}
			})
		}
	}
	wg.Wait()
}
