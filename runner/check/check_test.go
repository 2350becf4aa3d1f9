package check_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/proc"
	"bingfa/runner/python"
	"bingfa/runner/report"
	"bingfa/runner/sandbox"
	"bingfa/runner/wiring"
	"bingfa/runner/yaegi"
)

// scratch is $TMPDIR for this test binary: every program runs in a scratch
// directory under it, and it must be empty again when the cases are done.
var scratch string

// TestMain makes the test binary a yaegi worker when started as one (the
// corpus test runs blocks in yaegi), and lets more cases run at once.
// Once every test has run (TestCases and TestCorpus run at the same
// time), it checks that nothing was left behind: no process started by
// a test, no scratch directory in $TMPDIR.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	proc.BecomeSubreaper()
	dir, err := os.MkdirTemp("", "bingfa-check-test-")
	if err != nil {
		panic(err)
	}
	scratch = dir
	// PWD before TMPDIR, as in a shell's environment: programs must see
	// the run's own, in the same order from both engines.
	os.Unsetenv("TMPDIR")
	if wd, err := os.Getwd(); err == nil {
		os.Setenv("PWD", wd)
	}
	os.Setenv("TMPDIR", dir)
	moreParallel()
	code := m.Run()
	if err := leftBehind(); err != nil && code == 0 {
		fmt.Fprintf(os.Stderr, "--- FAIL: TestMain: %v\nFAIL\n", err)
		code = 1
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// leftBehind reports the processes and scratch directories that the
// tests left.
func leftBehind() error {
	var errs []error
	if ps := proc.Descendants(os.Getpid()); len(ps) > 0 {
		errs = append(errs, fmt.Errorf("processes left behind: %+v", ps))
	}
	if left, _ := os.ReadDir(scratch); len(left) > 0 {
		errs = append(errs, fmt.Errorf("scratch directories left behind in %s: %d", scratch, len(left)))
	}
	return errors.Join(errs...)
}

// casesParallel is how many cases of TestCases run at once unless
// -parallel says otherwise: most of a case's time is spent starting
// sandboxes and interpreters and waiting for programs that sleep, and
// each case's checker bounds its programs by the idle CPUs, so the
// default of one test per CPU leaves the machine waiting.
const casesParallel = "4"

// moreParallel sets -parallel to casesParallel unless it was given.
func moreParallel() {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		_ = flag.Set("test.parallel", casesParallel)
	}
}

// A suite is the cases of one directory of testdata, checked with one
// configuration of the engines.
type suite struct {
	dir    string
	config func(e *testEngines) check.Config
}

// testEngines are the engines of the cases: compiled only, and both.
type testEngines struct {
	compiled, both *wiring.Set
}

var suites = []suite{
	{"testdata", func(e *testEngines) check.Config { return e.compiled.Config() }},
	// -j 1 while every CPU looks idle: one program at a time all the same.
	{"testdata/jobs", func(e *testEngines) check.Config {
		cfg := e.compiled.Config()
		cfg.Jobs, cfg.Idle = 1, func() float64 { return 64 }
		return cfg
	}},
	// Every block run by both engines, compiled first.
	{"testdata/both", func(e *testEngines) check.Config {
		cfg := e.both.Config()
		cfg.Router = bothRouter{e.both}
		return cfg
	}},
	// Python blocks where there is no Python interpreter.
	{"testdata/nopython", func(e *testEngines) check.Config {
		cfg := e.compiled.Config()
		cfg.Router = wiring.RoutePython(python.New("bingfa-no-such-python3"), cfg.Router)
		return cfg
	}},
	// Every block run by the compiled engine, stopped as a reader would
	// stop it once it prints "stop me".
	{"testdata/stopped", func(e *testEngines) check.Config {
		cfg := e.compiled.Config()
		cfg.Router = check.Only(stopper{e.compiled.Compiled})
		return cfg
	}},
}

// stopper is an engine that stops a program once it prints "stop me", as
// a reader presses Stop on seeing it.
type stopper struct{ engine.Engine }

func (s stopper) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var seen []byte
	return s.Engine.Run(ctx, p, func(ev engine.Event) {
		if seen = append(seen, ev.Data...); bytes.Contains(seen, []byte("stop me")) {
			stop()
		}
		if emit != nil {
			emit(ev)
		}
	})
}

// bothRouter runs every block with the compiled engine and with yaegi.
type bothRouter struct{ set *wiring.Set }

func (r bothRouter) Route(*lesson.Block, *engine.Program) check.Route {
	return check.Route{Engines: []engine.Engine{r.set.Compiled, r.set.Yaegi}, Why: check.Why{Reason: "every block, in this test"}}
}

// TestCases checks every testdata case and compares the report with its
// golden file (TestMain then checks that nothing was left behind). A case
// is a lesson (NAME.md) or a directory of lessons checked together
// (NAME/), whose report is NAME.golden. It runs beside TestCorpus: both
// mostly wait for sandboxes, interpreters and sleeping programs.
func TestCases(t *testing.T) {
	t.Parallel()
	var e testEngines
	var err error
	if e.compiled, err = wiring.New(wiring.Compiled, compiled.DefaultCacheDir()); err != nil {
		t.Fatal(err)
	}
	if e.both, err = wiring.New(wiring.Both, compiled.DefaultCacheDir()); err != nil {
		t.Fatal(err)
	}
	t.Run("group", func(t *testing.T) {
		for _, s := range suites {
			cases := testCases(t, s.dir)
			for _, c := range cases {
				name := strings.TrimSuffix(filepath.Base(c), ".md")
				t.Run(strings.TrimPrefix(filepath.Join(s.dir, name), "testdata/"), func(t *testing.T) {
					if strings.Contains(name, "-sandbox-") && !sandbox.Enabled() {
						t.Skipf("no sandbox: %v", sandbox.Why())
					}
					if strings.Contains(name, "-sandbox-cgroup-") && !sandbox.Cgroups() {
						t.Skip("runs get no cgroup here")
					}
					if strings.Contains(name, "-python") && s.dir != "testdata/nopython" && !hasPython() {
						t.Skip("no Python interpreter here")
					}
					t.Parallel()
					got, failed := checkLesson(t, s.config(&e), c)
					if strings.HasPrefix(name, "pass-") && failed {
						t.Errorf("a pass- case failed:\n%s", got)
					}
					if strings.HasPrefix(name, "fail-") && !failed {
						t.Errorf("a fail- case passed:\n%s", got)
					}
					golden.File(t, goldenFile(filepath.Join(s.dir, name)), []byte(got))
				})
			}
		}
	})
	e.compiled.Close()
	e.both.Close() // its warm yaegi workers are no program's leftovers
}

// goldenFile returns the golden file of the case NAME: NAME.golden, or
// NAME.nocgroup.golden when it exists and runs get no cgroup here (see
// sandbox.Cgroups).
func goldenFile(base string) string {
	if _, err := os.Stat(base + ".nocgroup.golden"); err == nil && !sandbox.Cgroups() {
		return base + ".nocgroup.golden"
	}
	return base + ".golden"
}

// testCases returns the cases of dir: its lessons and its directories
// named pass-* or fail-*.
func testCases(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, "pass-") || strings.HasPrefix(n, "fail-")) ||
			!e.IsDir() && strings.HasSuffix(n, ".md") && n != "README.md" {
			cases = append(cases, filepath.Join(dir, n))
		}
	}
	if len(cases) == 0 {
		t.Fatalf("no test cases in %s", dir)
	}
	return cases
}

// checkLesson checks the lessons of one case and returns the report as
// -v prints it, without durations, and whether any block failed.
func checkLesson(t *testing.T, cfg check.Config, path string) (string, bool) {
	ls, err := lesson.Load([]string{path})
	var out bytes.Buffer
	// In the lessons' order, whatever order their checks end in (a
	// directory case's lessons run at once).
	term := report.NewTerminal(&out, false, true).WithoutTimes().WithOrder(ls)
	cfg.Observer = term
	rep, err := check.New(cfg).CheckLoaded(context.Background(), ls, err)
	if err != nil {
		t.Fatal(err)
	}
	term.Summary(rep)
	_, failed, _ := rep.Counts()
	return stable(out.String()), failed > 0
}

// hasPython reports whether this machine has the Python interpreter
// that the python cases need. It asks once: the question starts the
// interpreter, through a shim of several shell scripts where pyenv
// provides it.
var hasPython = sync.OnceValue(func() bool {
	_, err := python.New(python.Command()).Find()
	return err == nil
})

var (
	pythonRE    = regexp.MustCompile(`Python \d+\.\d+\.\d+`)
	buildPathRE = regexp.MustCompile(`bingfa\.build/p[0-9a-f]+/`)
	pcRE        = regexp.MustCompile(`\+0x[0-9a-f]+`)
	tookRE      = regexp.MustCompile(`took [0-9.hmsµn]+,`)
)

// stable replaces what changes with the Go version in a report, and the
// Python version.
func stable(s string) string {
	s = buildPathRE.ReplaceAllString(s, "<build>/")
	s = tookRE.ReplaceAllString(s, "took <D>,")
	s = pythonRE.ReplaceAllString(s, "Python <version>")
	return pcRE.ReplaceAllString(s, "+0xPC")
}
