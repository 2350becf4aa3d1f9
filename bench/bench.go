package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"bingfa/runner/goexamples"
	"bingfa/runner/lesson"
)

// A bench holds one benchmark run: its scratch directory, the bingfa
// binary under test, the course's programs and the measurements.
type bench struct {
	tmp     string
	bingfa  string
	cold    bool
	std     bool
	ps      []*program
	scripts []*program // the Python programs, whose time the floor counts too
	results []result
	costs   []cost // of each program of the course, alone
	// traceCosts are what tracing costs each traced block (see traces).
	traceCosts []traceCost
	onlyTrace  bool
	notes      []string
	stages     map[string]bool // the stages to run; nil for all
	// loadStart is the machine's load average when the run began.
	loadStart string

	testShares  []share // go test's time by package
	buildShares []share // a cold go build's time by package
}

// A result is one measurement.
type result struct {
	Key, Name string
	Took      time.Duration
}

func newBench(cold, std bool, stages map[string]bool) (*bench, error) {
	if _, err := os.Stat("go.mod"); err != nil {
		return nil, fmt.Errorf("run from the module root: %v", err)
	}
	tmp, err := os.MkdirTemp("", "bingfa-bench-")
	if err != nil {
		return nil, err
	}
	return &bench{tmp: tmp, cold: cold, std: std, stages: stages, bingfa: filepath.Join(tmp, "bingfa"), loadStart: loadAverage()}, nil
}

func (b *bench) close() { os.RemoveAll(b.tmp) }

func (b *bench) path(elem ...string) string {
	return filepath.Join(append([]string{b.tmp}, elem...)...)
}

// record adds a measurement and prints it.
func (b *bench) record(key, name string, d time.Duration) {
	b.results = append(b.results, result{key, name, d})
	fmt.Printf("%-58s %8.2fs\n", name, d.Seconds())
}

func (b *bench) get(key string) time.Duration {
	for _, r := range b.results {
		if r.Key == key {
			return r.Took
		}
	}
	return 0
}

// warmEnv is the environment of warm runs: bingfa's own cache in the
// scratch directory (filled by a first run), the user's GOCACHE.
func (b *bench) warmEnv() []string { return []string{"BINGFA_CACHE=" + b.path("cache-warm")} }

// coldEnv returns the environment of a cold run: empty caches.
func (b *bench) coldEnv(name string) []string {
	return []string{"BINGFA_CACHE=" + b.path("cold", name, "bingfa"), "GOCACHE=" + b.path("cold", name, "go")}
}

func (b *bench) run() error {
	fmt.Printf("bingfa benchmark: %s, %d CPUs\n", runtime.Version(), runtime.NumCPU())
	if !b.onlyTrace { // traces runs the programs with the compiled engine, not bingfa
		if _, out, err := timed(".", nil, "go", "build", "-o", b.bingfa, "."); err != nil {
			return fmt.Errorf("building bingfa: %v\n%s", err, out)
		}
	}
	ls, err := lesson.Load([]string{"lessons"})
	if err != nil {
		return err
	}
	if b.ps, err = programs(ls); err != nil {
		return err
	}
	if b.scripts, err = scripts(ls); err != nil {
		return err
	}
	for _, st := range []struct {
		name string
		run  func() error
	}{
		{"build", b.coldBuild}, {"start", b.start}, {"course", b.course}, {"examples", b.examples},
		{"gorun", b.goRun}, {"floor", b.floor}, {"stdlib", b.stdlib}, {"gotest", b.gotest},
		{"gotestcold", b.gotestCold}, {"trace", b.traces}, {"dispatch", b.dispatch},
	} {
		if (st.name == "build" || st.name == "gotestcold") && !b.cold || b.stages != nil && !b.stages[st.name] {
			continue
		}
		if err := st.run(); err != nil {
			return fmt.Errorf("%s: %v", st.name, err)
		}
	}
	return nil
}

// check times bingfa check on paths with env; it must pass.
func (b *bench) check(env []string, args ...string) (time.Duration, error) {
	d, out, err := timed(".", env, b.bingfa, append([]string{"check"}, args...)...)
	if err != nil {
		return d, fmt.Errorf("bingfa check %s: %v\n%s", strings.Join(args, " "), err, tail(out))
	}
	return d, nil
}

// course measures check of the whole course, warm and cold.
func (b *bench) course() error {
	if _, err := b.check(b.warmEnv(), "lessons"); err != nil {
		return err
	}
	d, err := b.check(b.warmEnv(), "lessons")
	if err != nil {
		return err
	}
	b.record("check-warm", fmt.Sprintf("check, whole course (%d programs), warm", len(b.ps)), d)
	if !b.cold {
		return nil
	}
	d, err = b.check(b.coldEnv("course"), "lessons")
	if err != nil {
		return err
	}
	b.record("check-cold", "check, whole course, cold", d)
	return nil
}

// examples measures the programs that can be testable examples with
// check and with go test, warm and cold.
func (b *bench) examples() error {
	sub := b.path("subset", "examples.md")
	if err := os.MkdirAll(filepath.Dir(sub), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(sub, exampleLesson(b.ps), 0o644); err != nil {
		return err
	}
	m, err := writeModule(b.path("gotest"), b.ps, true)
	if err != nil {
		return err
	}
	n := len(m.Pkgs)
	if _, err := b.check(b.warmEnv(), sub); err != nil {
		return err
	}
	d, err := b.check(b.warmEnv(), sub)
	if err != nil {
		return err
	}
	b.record("sub-check-warm", fmt.Sprintf("check, the %d programs that can be examples, warm", n), d)
	if _, _, err := goTest(m, nil); err != nil {
		return err
	}
	d, failed, err := goTest(m, nil)
	if err != nil {
		return err
	}
	b.record("sub-gotest-warm", "go test, the same programs as examples, warm", d)
	b.notes = append(b.notes, fmt.Sprintf("go test: %d of %d examples fail because their expected output has placeholders or goes to stderr; they were built and run all the same.", failed, n))
	if !b.cold {
		return nil
	}
	if d, err = b.check(b.coldEnv("sub-check"), sub); err != nil {
		return err
	}
	b.record("sub-check-cold", "check, the same programs, cold", d)
	if d, _, err = goTest(m, b.coldEnv("sub-gotest")); err != nil {
		return err
	}
	b.record("sub-gotest-cold", "go test, the same programs as examples, cold", d)
	return nil
}

// goRun measures go run of every program, one after another, warm.
func (b *bench) goRun() error {
	m, err := writeModule(b.path("gorun"), b.ps, false)
	if err != nil {
		return err
	}
	if _, err := goRunEach(m, b.ps, nil); err != nil {
		return err
	}
	d, err := goRunEach(m, b.ps, nil)
	if err != nil {
		return err
	}
	b.record("gorun-warm", "go run, each program one after another, warm", d)
	return nil
}

// floor measures the programs' own run time from prebuilt binaries.
func (b *bench) floor() error {
	m, err := writeModule(b.path("floor"), b.ps, false)
	if err != nil {
		return err
	}
	if _, err := buildAll(m, b.ps, nil); err != nil {
		return err
	}
	costs, err := binaryCosts(m, b.ps)
	if err != nil {
		return err
	}
	more, err := scriptCosts(b.scripts)
	if err != nil {
		return err
	}
	b.costs = append(costs, more...)
	d := floorOf(b.costs, runtime.NumCPU())
	b.record("floor", "floor: the least time in which the programs can run as check must run them", d)
	return nil
}

// stdCorpus is the standard library packages whose playable examples are
// measured.
var stdCorpus = []string{
	"bytes", "container/heap", "container/list", "container/ring", "encoding/base64", "encoding/binary",
	"encoding/csv", "encoding/hex", "encoding/json", "errors", "fmt", "math", "math/big", "path",
	"regexp", "slices", "maps", "sort", "strconv", "strings", "sync", "text/template", "time",
	"unicode", "unicode/utf8", "context", "bufio", "io", "html", "net/url",
}

// stdlib measures the standard library's examples: check --engine=auto
// against one go build of all of them and running each binary, warm.
func (b *bench) stdlib() error {
	if !b.std {
		return nil
	}
	dir := b.path("std")
	ls, err := b.writeStd(dir)
	if err != nil {
		return err
	}
	ps, err := programs(ls)
	if err != nil {
		return err
	}
	args := []string{dir}
	if b.hasEngineFlag() {
		args = []string{"--engine=auto", dir}
	}
	if _, err := b.check(b.warmEnv(), args...); err != nil {
		return err
	}
	d, err := b.check(b.warmEnv(), args...)
	if err != nil {
		return err
	}
	b.record("std-check-warm", fmt.Sprintf("check --engine=auto, %d standard library examples, warm", len(ps)), d)
	m, err := writeModule(b.path("stdmod"), ps, false)
	if err != nil {
		return err
	}
	if _, err := buildAll(m, ps, nil); err != nil { // GOCACHE warm
		return err
	}
	if err := os.RemoveAll(filepath.Join(m.Dir, "bin")); err != nil {
		return err
	}
	build, err := buildAll(m, ps, nil) // every binary linked again
	if err != nil {
		return err
	}
	run, err := runEach(m, ps)
	if err != nil {
		return err
	}
	b.record("std-buildrun-warm", "one go build of all of them (linked again), then each binary, warm", build+run)
	relink, err := buildAll(m, ps, nil) // the binaries are up to date: nothing to link
	if err != nil {
		return err
	}
	if run, err = runEach(m, ps); err != nil {
		return err
	}
	b.record("std-rerun-warm", "the same when the binaries are already linked (go build does nothing)", relink+run)
	return nil
}

// testOnly are examples that depend on go test's environment (they read
// their package's source files), as in runner/goexamples' test.
var testOnly = map[string]bool{"sync.OnceValues": true, "log.Logger": true, "log.Logger_Output": true, "zip.Reader": true}

func (b *bench) writeStd(dir string) ([]*lesson.Lesson, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, pkg := range stdCorpus {
		exs, err := goexamples.Package(runtime.GOROOT(), pkg)
		if err != nil {
			continue
		}
		exs = slices.DeleteFunc(exs, func(ex goexamples.Example) bool { return testOnly[path.Base(pkg)+"."+ex.Name] })
		if len(exs) == 0 {
			continue
		}
		name := filepath.Join(dir, strings.ReplaceAll(pkg, "/", "-")+".md")
		if err := os.WriteFile(name, goexamples.Lesson(pkg, exs), 0o644); err != nil {
			return nil, err
		}
	}
	return lesson.Load([]string{dir})
}

func (b *bench) hasEngineFlag() bool {
	_, out, _ := timed(".", nil, b.bingfa, "check", "-h")
	return strings.Contains(out, "-engine")
}
