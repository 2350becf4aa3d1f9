package serve

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/proc"
	"bingfa/runner/python"
	"bingfa/runner/wiring"
)

// testServer serves testdata/lessons with the compiled engine. Its
// Client is signed in (see signIn); the httptest server's own client,
// ts.Server.Client(), is not.
type testServer struct {
	*httptest.Server
	s *Server
	c *http.Client
}

// Client returns a client signed in to the server.
func (ts *testServer) Client() *http.Client { return ts.c }

func newTestServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	return newTestServerMode(t, cfg, wiring.Compiled)
}

// newTestServerMode serves testdata/lessons (or cfg.Library) with the
// engines of mode (or cfg.Engines, which it closes at the end). The
// servers of mode compiled share one set of engines (sharedEngines); a
// test that needs its own passes them.
func newTestServerMode(t testing.TB, cfg Config, mode string) *testServer {
	t.Helper()
	if cfg.Library == nil {
		lib, err := Dir("testdata/lessons")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Library = lib
	}
	own := cfg.Engines
	switch {
	case own != nil:
	case mode == wiring.Compiled:
		cfg.Engines = sharedEngines(t)
	default:
		own = newEngines(t, mode)
		cfg.Engines = own
	}
	ts := httptest.NewUnstartedServer(nil)
	s, err := New(cfg, ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s.Handler()
	ts.Start()
	t.Cleanup(func() {
		ts.CloseClientConnections()
		ts.Close()
		if own != nil {
			own.Close()
		}
	})
	t2 := &testServer{Server: ts, s: s}
	t2.c = t2.signIn(t)
	return t2
}

// newEngines returns new engines of mode, with the binaries of the
// default cache.
func newEngines(t testing.TB, mode string) *wiring.Set {
	t.Helper()
	set, err := wiring.New(mode, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// sharedSet holds the engines of mode compiled, made by the first test
// that needs them and closed by TestMain. A server makes its engines
// once for all of its readers; new ones for each test proved nothing
// more, but cost each test a new cache (whose first lookup trims the
// cache directory, and which hashes each binary again) and the history's
// load and save.
var sharedSet struct {
	once sync.Once
	set  *wiring.Set
	err  error
}

// sharedEngines returns the engines of mode compiled that the tests
// share.
func sharedEngines(t testing.TB) *wiring.Set {
	t.Helper()
	sharedSet.once.Do(func() { sharedSet.set, sharedSet.err = wiring.New(wiring.Compiled, compiled.DefaultCacheDir()) })
	if sharedSet.err != nil {
		t.Fatal(sharedSet.err)
	}
	return sharedSet.set
}

// closeEngines closes the shared engines, if a test made them.
func closeEngines() {
	if sharedSet.set != nil {
		sharedSet.set.Close()
	}
}

// signIn returns a client that has signed in with the server's login
// link, as a browser does: it keeps the session cookie.
func (ts *testServer) signIn(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, Transport: ts.Server.Client().Transport}
	resp, err := c.Get(ts.URL + ts.s.LoginPath("/"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.RawQuery != "" {
		t.Fatalf("signing in: %s at %s", resp.Status, resp.Request.URL)
	}
	return c
}

// code returns the code of a block of the test lesson.
func code(t testing.TB, block string) string {
	t.Helper()
	name, block := lessonOf(block)
	ls, err := lesson.Load([]string{"testdata/lessons/" + name + ".md"})
	if err != nil {
		t.Fatal(err)
	}
	b := ls[0].Block(block)
	if b == nil {
		t.Fatalf("no block %s", block)
	}
	return b.Code.Text
}

// lessonOf splits "lesson/block" into the lesson's name and the block's;
// a block without a lesson is live's.
func lessonOf(block string) (string, string) {
	if l, b, ok := strings.Cut(block, "/"); ok {
		return l, b
	}
	return "live", block
}

// post sends a run request with the session token; it returns the status
// and the reply.
func (ts *testServer) post(t testing.TB, block, src string) (int, runReply) {
	t.Helper()
	name, block := lessonOf(block)
	body, _ := json.Marshal(runRequest{Lesson: name, Block: block, Code: &src})
	req, _ := http.NewRequest("POST", ts.URL+"/api/run", strings.NewReader(string(body)))
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rep runReply
	if resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode, rep
}

// sseEvent is one Server-Sent Event.
type sseEvent struct {
	name string
	data string
}

// stream opens a run's event stream; events arrive on the channel as the
// server sends them, which is closed at the end of the stream.
func (ts *testServer) stream(t testing.TB, rep runReply) (<-chan sseEvent, func()) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + rep.Events)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("events: %s", resp.Status)
	}
	ch := make(chan sseEvent, 100)
	go func() {
		defer close(ch)
		readEvents(resp.Body, ch)
	}()
	return ch, func() { resp.Body.Close() }
}

func readEvents(r io.Reader, ch chan<- sseEvent) {
	sc := bufio.NewScanner(r)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		case line == "" && ev.name != "":
			ch <- ev
			ev = sseEvent{}
		}
	}
}

// run runs a block's code and returns all its events.
func (ts *testServer) run(t testing.TB, block, src string) []sseEvent {
	t.Helper()
	status, rep := ts.post(t, block, src)
	if status != http.StatusOK {
		t.Fatalf("run %s: status %d", block, status)
	}
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	var evs []sseEvent
	for ev := range ch {
		evs = append(evs, ev)
	}
	return evs
}

// done decodes the last event, which must be "done".
func done(t testing.TB, evs []sseEvent) doneEvent {
	t.Helper()
	if len(evs) == 0 || evs[len(evs)-1].name != "done" {
		t.Fatalf("the stream did not end with done: %v", evs)
	}
	var d doneEvent
	if err := json.Unmarshal([]byte(evs[len(evs)-1].data), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// output returns the text of the output events.
func output(t testing.TB, evs []sseEvent) string {
	var b strings.Builder
	for _, ev := range evs {
		if ev.name == "output" {
			var o outputEvent
			if err := json.Unmarshal([]byte(ev.data), &o); err != nil {
				t.Fatal(err)
			}
			b.WriteString(o.Data)
		}
	}
	return b.String()
}

// TestRunAPI runs blocks through the API, with the compiled engine and
// with the engines the router picks (yaegi for the simple ones).
func TestRunAPI(t *testing.T) {
	t.Parallel() // its own servers (and engines in mode auto)
	for _, mode := range []string{wiring.Compiled, wiring.Auto} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel() // each mode its own server
			testRunAPI(t, mode)
		})
	}
}

func testRunAPI(t *testing.T, mode string) {
	ts := newTestServerMode(t, Config{}, mode)
	tests := []struct {
		block, code string
		status      string
		output      string
		edited      bool
	}{
		{"hello", code(t, "hello"), "pass", "你好\n", false},
		{"hello", strings.Replace(code(t, "hello"), "你好", "再见", 1), "fail", "再见\n", true},
		{"count", code(t, "count"), "pass", "1\n2\n3\n", false},
		{"goal", code(t, "goal"), "fail", "0\n", false},
		{"goal", strings.Replace(code(t, "goal"), "(0)", "(42)", 1), "pass", "42\n", true},
		{"builds", code(t, "builds"), "pass", "", false},
		{"hello", "package main\n\nfunc main() { x }\n", "fail", "", true},
		{"python/py", code(t, "python/py"), "pass", "GIL 0.005\n", false},
		{"python/py", "print('GIL', 1 / 200 + 1)\n", "fail", "GIL 1.005\n", true},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d-%s", i, strings.ReplaceAll(tt.block, "/", "-")), func(t *testing.T) {
			if strings.HasPrefix(tt.block, "python/") && !hasPython() {
				t.Skip("no Python interpreter here")
			}
			evs := ts.run(t, tt.block, tt.code)
			first := evs[0] // after the run waited for its build, when it did
			if k := slices.IndexFunc(evs, func(e sseEvent) bool { return e.data == "" || !strings.Contains(e.data, `"build":true`) }); k >= 0 {
				first = evs[k]
			}
			if first.name != "start" {
				t.Errorf("first event %q %s, want start", first.name, first.data)
			}
			d := done(t, evs)
			if d.Status != tt.status || d.Edited != tt.edited {
				t.Errorf("status %s, edited %v; want %s, %v (problems: %v)", d.Status, d.Edited, tt.status, tt.edited, d.Problems)
			}
			if got := output(t, evs); got != tt.output {
				t.Errorf("output %q, want %q", got, tt.output)
			}
			if d.Engine == "" || d.Why == "" || d.HTML == "" {
				t.Errorf("done event lacks engine, why or html: %+v", d)
			}
			if d.Status == "fail" && len(d.Problems) == 0 {
				t.Errorf("a failed run without problems")
			}
		})
	}
}

func TestRunDiff(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	d := done(t, ts.run(t, "hello", strings.Replace(code(t, "hello"), "你好", "再见", 1)))
	if !strings.Contains(d.Diff, "-你好") || !strings.Contains(d.Diff, "+再见") {
		t.Errorf("diff:\n%s", d.Diff)
	}
	if !strings.Contains(d.HTML, `class="diff"`) {
		t.Errorf("the result pane has no diff:\n%s", d.HTML)
	}
}

func TestRunRequestErrors(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		body   string
		status int
	}{
		{`{"lesson":"nope","block":"hello","code":""}`, http.StatusNotFound},
		{`{"lesson":"live","block":"nope","code":""}`, http.StatusNotFound},
		{`{"lesson":"live"`, http.StatusBadRequest},
		{`{"lesson":"live","block":"hello","code":"` + strings.Repeat("x", maxCode) + `"}`, http.StatusBadRequest},
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/api/run", strings.NewReader(tt.body))
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%.40s: status %d, want %d", tt.body, resp.StatusCode, tt.status)
		}
	}
}

// TestStreamAndStop checks that output arrives while the program runs
// (it cannot end by itself before it is stopped), and that stopping it
// kills it and the child it started.
func TestStreamAndStop(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	status, rep := ts.post(t, "forever", code(t, "forever"))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	pids := waitPids(t, ch)
	for _, pid := range pids {
		if !alive(pid) {
			t.Fatalf("process %d is not running after it printed", pid)
		}
	}
	req, _ := http.NewRequest("POST", ts.URL+rep.Stop, nil)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var evs []sseEvent
	for ev := range ch {
		evs = append(evs, ev)
	}
	d := done(t, evs)
	// Stopped is neither a pass nor a failure: no problem, no diff
	// against the output it never printed, a neutral badge.
	if !d.Stopped || d.Status != "stopped" || len(d.Problems) > 0 || d.Diff != "" {
		t.Errorf("done after stop: stopped %v, status %s, problems %v, diff %q", d.Stopped, d.Status, d.Problems, d.Diff)
	}
	if !strings.Contains(d.HTML, "status-stopped") || !strings.Contains(d.HTML, "已停止") || strings.Contains(d.HTML, "context canceled") {
		t.Errorf("the page is sent, after stop:\n%s", d.HTML)
	}
	for _, pid := range pids {
		if alive(pid) {
			t.Errorf("process %d still running after stop", pid)
		}
	}
}

// TestDisconnectStops checks that a page that goes away stops its run.
func TestDisconnectStops(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	_, rep := ts.post(t, "forever", code(t, "forever"))
	ch, closeStream := ts.stream(t, rep)
	pids := waitPids(t, ch)
	closeStream()
	for range ch {
	}
	// The admission is given back when the run has ended and its
	// processes are reaped.
	waitAdmitted(ts.s, 0)
	for _, pid := range pids {
		if alive(pid) {
			t.Errorf("process %d still running after the page went away", pid)
		}
	}
}

// waitPids reads events up to the "pids PARENT CHILD" line.
func waitPids(t *testing.T, ch <-chan sseEvent) []int {
	t.Helper()
	var out strings.Builder
	for ev := range ch {
		if ev.name != "output" {
			continue
		}
		var o outputEvent
		json.Unmarshal([]byte(ev.data), &o)
		out.WriteString(o.Data)
		if strings.HasSuffix(out.String(), "\n") {
			return hostPids(t, out.String())
		}
	}
	t.Fatalf("the stream ended before the pids: %q", out.String())
	return nil
}

// hostPids returns the host pids of the program that printed line
// ("pids PARENT CHILD ARG", see testdata/lessons/live.md) and of its
// child: the pids printed are those of the sandbox's PID namespace, so the
// child is found by its unique argument ARG, and the program is its
// parent.
func hostPids(t *testing.T, line string) []int {
	t.Helper()
	var a, b int
	var arg string
	if _, err := fmt.Sscanf(strings.TrimSpace(line), "pids %d %d %s", &a, &b, &arg); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	files, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range files {
		cmdline, _ := os.ReadFile(f)
		if !strings.Contains(string(cmdline), arg) {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		for _, p := range proc.Processes() {
			if p.Pid == pid {
				return []int{p.PPid, pid}
			}
		}
	}
	t.Fatalf("no process has the argument %s", arg)
	return nil
}

// alive reports whether process pid exists (and is not a zombie).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	for _, p := range proc.Processes() {
		if p.Pid == pid {
			return p.State != 'Z'
		}
	}
	return false
}

// waitAdmitted waits until the limiter holds n admissions.
func waitAdmitted(s *Server, n int) {
	deadline := time.Now().Add(time.Minute)
	for {
		s.lim.mu.Lock()
		a := s.lim.admitted
		s.lim.mu.Unlock()
		if a == n {
			return
		}
		if time.Now().After(deadline) {
			panic(fmt.Sprintf("%d runs still admitted after a minute, want %d", a, n))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestHighlight checks that edited code comes back highlighted as the
// page shows code, and only for a block of a lesson.
func TestHighlight(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		body   string
		status int
		has    string
	}{
		{`{"lesson":"live","block":"hello","code":"package main\n\nfunc edited() {}\n"}`, 200, "edited"},
		{`{"lesson":"live","block":"nope","code":"package main\n"}`, 404, ""},
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/api/highlight", strings.NewReader(tt.body))
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var reply struct{ HTML string }
		json.NewDecoder(resp.Body).Decode(&reply)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(reply.HTML, tt.has) {
			t.Errorf("%.50s: status %d, html %q", tt.body, resp.StatusCode, reply.HTML)
		}
		if tt.status == 200 && !strings.Contains(reply.HTML, `<span class="`) {
			t.Errorf("not highlighted: %q", reply.HTML)
		}
	}
}

// TestCells checks that an edited notebook cell is run with the
// declarations of the lesson's earlier cells.
func TestCells(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	use := "import \"fmt\"\n\nfmt.Println(shout(\"hi\"))\n"
	quiet := map[string]string{"define": "func shout(s string) string { return s + \".\" }\n"}
	for _, tt := range []struct {
		code           string
		cells          map[string]string
		status, output string
		edited         bool
	}{
		{use, nil, "pass", "HI!\n", false},
		{strings.Replace(use, "hi", "bye", 1), nil, "fail", "BYE!\n", true},
		{use, quiet, "fail", "hi.\n", true},
		{"package main\n\nfunc main() {}\n", nil, "fail", "", true}, // a cell cannot be a whole program
	} {
		body, _ := json.Marshal(runRequest{Lesson: "cells", Block: "use", Code: &tt.code, Cells: tt.cells})
		req, _ := http.NewRequest("POST", ts.URL+"/api/run", strings.NewReader(string(body)))
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var rep runReply
		json.NewDecoder(resp.Body).Decode(&rep)
		resp.Body.Close()
		ch, closeStream := ts.stream(t, rep)
		var evs []sseEvent
		for ev := range ch {
			evs = append(evs, ev)
		}
		closeStream()
		if d := done(t, evs); d.Status != tt.status || output(t, evs) != tt.output || d.Edited != tt.edited {
			t.Errorf("%q %v: status %s, output %q, edited %v; want %s, %q, %v (%v)", tt.code, tt.cells, d.Status, output(t, evs), d.Edited, tt.status, tt.output, tt.edited, d.Problems)
		}
	}
}

// hasPython reports whether this machine has the Python interpreter that
// the python blocks need.
func hasPython() bool {
	_, err := python.New(python.Command()).Find()
	return err == nil
}

// TestRunPythonMissing runs a Python program where there is no Python
// interpreter: the run is skipped, and the page is told why.
func TestRunPythonMissing(t *testing.T) {
	t.Setenv("BINGFA_PYTHON", "bingfa-no-such-python3")
	ts := newTestServer(t, Config{Engines: newEngines(t, wiring.Compiled)}) // its own Python engine, made now
	d := done(t, ts.run(t, "python/py", code(t, "python/py")))
	const why = "没有 Python 解释器：PATH 里找不到 bingfa-no-such-python3"
	if d.Status != "skip" || d.Why != why || !strings.Contains(d.HTML, why) {
		t.Errorf("done: status %s, why %q, html:\n%s", d.Status, d.Why, d.HTML)
	}
}
