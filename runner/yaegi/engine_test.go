package yaegi_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	os.Exit(m.Run())
}

// newEngine returns an engine closed at the end of the test.
func newEngine(t testing.TB) *yaegi.Engine {
	e, err := yaegi.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// A testCase is a program of testdata and what must happen when it runs.
type testCase struct {
	prog        engine.Program
	exit        int
	err         string
	output      *string
	contains    []string
	diag        string
	childKilled bool
	streams     map[engine.Stream]string // stdout:, stderr: of a split run
}

// readCase reads a testdata program and its directives (see
// testdata/README).
func readCase(t *testing.T, path string) *testCase {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := &testCase{prog: engine.Program{ID: path, Source: src, Path: "case.md", Line: 1,
		Timeout: 10 * time.Second, MaxOutput: 1 << 20}}
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "package ") {
			break
		}
		key, val, _ := strings.Cut(strings.TrimPrefix(l, "// "), ":")
		val = strings.TrimPrefix(val, " ")
		if err := c.set(key, val); err != nil {
			t.Fatalf("%s: %s: %v", path, l, err)
		}
	}
	return c
}

// set applies one directive.
func (c *testCase) set(key, val string) error {
	var err error
	switch key {
	case "exit":
		c.exit, err = strconv.Atoi(val)
	case "err":
		c.err = val
	case "output":
		s := unescape(val)
		c.output = &s
	case "contains":
		c.contains = append(c.contains, unescape(val))
	case "diag":
		c.diag = val
	case "timeout":
		c.prog.Timeout, err = time.ParseDuration(val)
	case "maxoutput":
		c.prog.MaxOutput, err = strconv.ParseInt(val, 10, 64)
	case "args":
		c.prog.Args, err = splitArgs(val)
	case "env":
		c.prog.Env = append(c.prog.Env, val)
	case "child-killed":
		c.childKilled = true
	case "stdout", "stderr":
		c.prog.Split = true
		if c.streams == nil {
			c.streams = map[engine.Stream]string{}
		}
		c.streams[map[string]engine.Stream{"stdout": engine.Stdout, "stderr": engine.Stderr}[key]] = unescape(val)
	default:
		err = errors.New("unknown directive")
	}
	return err
}

func unescape(s string) string {
	u, err := strconv.Unquote(`"` + s + `"`)
	if err != nil {
		return s
	}
	return u
}

// splitArgs splits words at spaces; a word in double quotes may hold
// spaces.
func splitArgs(s string) ([]string, error) {
	var args []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '"' {
			w, rest, _ := strings.Cut(s, " ")
			args, s = append(args, w), rest
			continue
		}
		end := strings.Index(s[1:], `"`) + 2
		if end < 2 {
			return nil, errors.New("unterminated quote")
		}
		args, s = append(args, s[1:end-1]), s[end:]
	}
	return args, nil
}

// errKinds are the Outcome errors the directive err: names.
var errKinds = map[string]func(error) bool{
	"timeout": func(err error) bool { return engine.IsFailure(err, engine.Timeout) },
	"broken":  func(err error) bool { return engine.IsFailure(err, engine.Broken) },
	"build":   func(err error) bool { var b *engine.BuildError; return errors.As(err, &b) },
	"output":  func(err error) bool { return engine.IsFailure(err, engine.TooMuchOutput) },
}

// TestEngine runs every program of testdata and checks what happened.
func TestEngine(t *testing.T) {
	e := newEngine(t)
	e.Warm()
	paths, err := filepath.Glob("testdata/*.go")
	if err != nil || len(paths) == 0 {
		t.Fatal("no test programs", err)
	}
	for _, path := range paths {
		c := readCase(t, path)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".go"), func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var live strings.Builder
			out := e.Run(context.Background(), &c.prog, func(ev engine.Event) {
				mu.Lock()
				defer mu.Unlock()
				live.Write(ev.Data)
			})
			c.check(t, out)
			mu.Lock()
			defer mu.Unlock()
			if c.err == "" && live.String() != out.Text(engine.Output) {
				t.Errorf("emitted %q, but the outcome has %q", live.String(), out.Text(engine.Output))
			}
		})
	}
}

// check compares an outcome with the case's directives.
func (c *testCase) check(t *testing.T, out *engine.Outcome) {
	text := out.Text(engine.Output)
	t.Logf("exit %d, err %v, output:\n%s", out.Exit, out.Err, text)
	if out.Engine != "yaegi" {
		t.Errorf("engine = %q", out.Engine)
	}
	if c.err == "" && out.Err != nil {
		t.Errorf("err = %v, want none", out.Err)
	}
	if c.err != "" && !errKinds[c.err](out.Err) {
		t.Errorf("err = %v, want a %s failure", out.Err, c.err)
	}
	if c.err == "" && out.Exit != c.exit {
		t.Errorf("exit = %d, want %d", out.Exit, c.exit)
	}
	if c.output != nil && text != *c.output {
		t.Errorf("output = %q, want %q", text, *c.output)
	}
	for _, s := range c.contains {
		if !strings.Contains(text, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if c.diag != "" && (out.Err == nil || !strings.Contains(out.Err.Error(), c.diag)) {
		t.Errorf("build error %v lacks %q", out.Err, c.diag)
	}
	if c.childKilled {
		checkKilled(t, text)
	}
	for s, want := range c.streams {
		if got := out.Text(s); got != want {
			t.Errorf("%s = %q, want %q", s, got, want)
		}
	}
}

// checkKilled checks that the child whose argument is the first line of
// out (see testdata/loop.go) is gone: no process of the machine has it.
func checkKilled(t *testing.T, out string) {
	arg, _, _ := strings.Cut(out, "\n")
	if arg == "" {
		t.Fatalf("no first line")
	}
	dirs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range dirs {
		b, _ := os.ReadFile(f)
		if strings.Contains(string(b), arg) {
			t.Errorf("the child (%s) still exists after the run", f)
		}
	}
}

// TestCancel cancels a running program once it has printed, and checks
// that it stops as cancelled.
func TestCancel(t *testing.T) {
	e := newEngine(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &engine.Program{ID: "cancel", Path: "cancel.md", Line: 1, Timeout: time.Minute, Source: []byte(`package main

import "fmt"

func main() {
	fmt.Println("spinning")
	for {
	}
}
`)}
	out := e.Run(ctx, p, func(engine.Event) { cancel() })
	if !engine.IsFailure(out.Err, engine.Canceled) {
		t.Errorf("err = %v, want a Canceled failure", out.Err)
	}
	if got := out.Text(engine.Output); got != "spinning\n" {
		t.Errorf("output = %q", got)
	}
}

// TestCloseKillsWorkers checks that Close leaves no worker behind, warm or
// running.
func TestCloseKillsWorkers(t *testing.T) {
	e, err := yaegi.New()
	if err != nil {
		t.Fatal(err)
	}
	e.WaitWarm()
	running := make(chan *engine.Outcome)
	go func() {
		running <- e.Run(context.Background(), &engine.Program{ID: "sleep", Path: "sleep.md", Line: 1, Timeout: time.Minute,
			Source: []byte("package main\n\nimport \"time\"\n\nfunc main() { time.Sleep(time.Hour) }\n")}, nil)
	}()
	// A warm worker's process is started by its supervising goroutine, a
	// moment after the worker joins the pool.
	n := 0
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if n = len(proc.Descendants(os.Getpid())); n >= yaegi.PoolSize {
			break
		}
	}
	if n < yaegi.PoolSize {
		t.Errorf("%d processes below the test with a full pool, want at least %d", n, yaegi.PoolSize)
	}
	e.Close()
	out := <-running
	if !engine.IsFailure(out.Err, engine.Canceled) {
		t.Errorf("running program: err = %v, want a Canceled failure", out.Err)
	}
	if ps := proc.Descendants(os.Getpid()); len(ps) > 0 {
		t.Errorf("processes left after Close: %+v", ps)
	}
}
