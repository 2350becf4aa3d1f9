package compiled

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"bingfa/internal/spawn"
	"bingfa/runner/engine"
)

// testBuildTime bounds the build of a test block's test binary: go test
// builds the package and its tests before it runs them.
const testBuildTime = 60 * time.Second

// goTest runs the tests of p (p.Test) as go test does, in two steps. The
// test binary is built on the host with go test -c, in a scratch module
// (see TestModule) that holds the program and its test file, each
// starting with a //line directive (so that positions name the files,
// not the directory), and the data files it may embed. Then it runs like
// any program (in the sandbox, where there is one), with go test's flags
// among p.Args translated as go test translates them (-v is -test.v=true;
// see testArgs), and -count=1 so that no result is cached. The test
// binary is kept in the cache, keyed by everything its build reads (see
// testKey), so that an unchanged block is not built again. Its output is
// the binary's followed by the line go test adds (ok  fib 0.002s, or
// exit status 1 and FAIL  fib 0.002s); a build that fails prints what
// go test prints and exits with status 1.
func (e *Engine) goTest(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	fail := func(format string, args ...any) *engine.Outcome {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, format, args...)}
	}
	scratch, err := e.cache.workDir() // swept at start if a killed bingfa left it
	if err != nil {
		return fail("cannot create a scratch directory: %v", err)
	}
	defer os.RemoveAll(scratch)
	// The module is a directory of the scratch directory: go ignores a
	// go.mod in TMPDIR itself.
	dir := filepath.Join(scratch, "module")
	if err := writeTestModule(dir, p); err != nil {
		return fail("cannot write the test's module: %v", err)
	}
	if err := writeFiles(dir, p.Files); err != nil {
		return fail("cannot write the data files: %v", err)
	}
	build, run := testArgs(append([]string{"-count=1"}, p.Args...))
	mod := TestModule(p)
	bin := filepath.Join(scratch, mod+".test")
	start := time.Now()
	key, kerr := e.testKey(dir, build, p.Race)
	en, cached := entry{}, false
	if kerr == nil {
		en, cached = e.cache.lookup(key)
		cached = cached && !en.dispatched
	}
	if cached {
		bin = en.bin
	} else if msg, err := e.buildTest(ctx, dir, scratch, bin, p, build); err != nil {
		if ctx.Err() != nil {
			return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Canceled, "stopped while building: %v", context.Cause(ctx))}
		}
		msg = append(msg, fmt.Sprintf("FAIL\t%s [build failed]\n", mod)...)
		ev := engine.Event{Stream: testStream(p), Data: msg}
		if emit != nil {
			emit(ev)
		}
		return &engine.Outcome{Engine: e.Name(), Exit: 1, Events: []engine.Event{ev}, Elapsed: time.Since(start)}
	} else if kerr == nil {
		if stored, err := e.cache.store(key, bin); err == nil {
			bin = stored // the next check of an unchanged block runs it as it is
		}
	}
	took := time.Since(start)
	tp := *p
	tp.Test, tp.Args, tp.Argv0 = nil, run, mod+".test"
	out := e.exec(ctx, bin, &tp, emit)
	out.Engine, out.Build, out.Cached = e.Name(), took, cached
	testSummary(out, p, mod, emit)
	return out
}

// testKey returns the cache key of the test binary that go test -c with
// flags (and -race when race) builds from the module in dir: every file
// written there (go.mod, go.sum, the program, its test file, the data
// files it may embed) is part of it.
func (e *Engine) testKey(dir string, flags []string, race bool) (string, error) {
	tool, err := e.cache.tool(e.goCmd)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%q %d\x00", rel, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	return e.cache.key(tool, append([]string{"test", "-c", fmt.Sprintf("race=%v", race)}, flags...), h.Sum(nil)), nil
}

// buildTest builds the test binary of the module in dir as bin, with the
// build flags of the block; it returns go's output when it fails.
func (e *Engine) buildTest(ctx context.Context, dir, scratch, bin string, p *engine.Program, flags []string) ([]byte, error) {
	if msg := testImportErrors(p); msg != nil {
		return msg, errors.New("imports that cannot be built")
	}
	ctx, cancel := context.WithTimeout(ctx, testBuildTime)
	defer cancel()
	args := append([]string{"test", "-c", "-o", bin}, flags...)
	if p.Race {
		args = append(args, "-race")
	}
	cmd := exec.CommandContext(ctx, e.goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(BuildEnv(p.Race), "TMPDIR="+scratch, "PWD="+dir)
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &msg, &msg
	if err := spawn.Start(cmd); err != nil { // dies with bingfa, even killed
		return nil, err
	}
	err := cmd.Wait()
	return msg.Bytes(), err
}

// testStream is the stream of the lines go test adds.
func testStream(p *engine.Program) engine.Stream {
	if p.Split {
		return engine.Stdout
	}
	return engine.Output
}

// testSummary adds to out the line go test prints once its test binary
// has ended by itself: ok, or the binary's exit status and FAIL, with the
// time it ran.
func testSummary(out *engine.Outcome, p *engine.Program, mod string, emit func(engine.Event)) {
	if out.Err != nil {
		return
	}
	secs := out.Elapsed.Seconds()
	var line string
	switch {
	case out.Exit == 0 && out.Signal == "":
		norun := ""
		if text := "\n" + out.Text(engine.Output); strings.Contains(text, "\ntesting: warning: no tests to run\n") {
			norun = " [no tests to run]"
		}
		line = fmt.Sprintf("ok  \t%s\t%.3fs%s\n", mod, secs, norun)
	case out.Signal != "":
		line = fmt.Sprintf("signal: %s\nFAIL\t%s\t%.3fs\n", out.Signal, mod, secs)
	default:
		line = fmt.Sprintf("exit status %d\nFAIL\t%s\t%.3fs\n", out.Exit, mod, secs)
		out.Exit = 1 // go test's, whatever the binary's
	}
	if text := out.Text(engine.Output); text != "" && !strings.HasSuffix(text, "\n") {
		line = "\n" + line
	}
	ev := engine.Event{Stream: testStream(p), Time: out.Elapsed, Data: []byte(line)}
	out.Events = append(out.Events, ev)
	if emit != nil {
		emit(ev)
	}
}

// testFlags are go test's flags that go to the test binary (as -test.NAME),
// and whether they take no value.
var testFlags = map[string]bool{
	"bench": false, "benchmem": true, "benchtime": false, "blockprofile": false,
	"blockprofilerate": false, "count": false, "coverprofile": false, "cpu": false,
	"cpuprofile": false, "failfast": true, "fullpath": true, "fuzz": false,
	"fuzzminimizetime": false, "fuzztime": false, "list": false, "memprofile": false,
	"memprofilerate": false, "mutexprofile": false, "mutexprofilefraction": false,
	"outputdir": false, "parallel": false, "run": false, "short": true, "shuffle": false,
	"skip": false, "timeout": false, "trace": false, "v": true,
}

// testArgs splits go test's arguments into the build's flags and the test
// binary's, which start with what go test always gives it
// (-test.paniconexit0 and its default -test.timeout=10m0s). A flag the
// binary knows is passed as -test.NAME (-v as -test.v=true); the others
// are build flags.
func testArgs(args []string) (build, run []string) {
	run = []string{"-test.paniconexit0", "-test.timeout=10m0s"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		noValue, ok := testFlags[name]
		switch {
		case !strings.HasPrefix(a, "-") || !ok:
			build = append(build, a)
		case name == "v" && !hasValue:
			run = append(run, "-test.v=true")
		case hasValue:
			run = append(run, "-test."+name+"="+value)
		case noValue || i+1 == len(args):
			run = append(run, "-test."+name)
		default:
			run = append(run, "-test."+name, args[i+1])
			i++
		}
	}
	return build, run
}

// TestModule returns the module path of p's tests, which go test prints
// (ok  fib 0.002s): the name of its source file without .go, or example
// for main.go (a package named main cannot be imported by its tests).
func TestModule(p *engine.Program) string {
	if m := strings.TrimSuffix(p.SourceName(), ".go"); m != "main" {
		return m
	}
	return "example"
}

// writeTestModule writes go.mod, the program and its test file into dir.
func writeTestModule(dir string, p *engine.Program) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	if err := writeGoMod(dir, TestModule(p), needed(p.Source, p.Test)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, p.SourceName()), named(p, withoutConstraints(p.Source)), 0o644); err != nil {
		return err
	}
	test := append([]byte("//line "+p.TestName+":1:1\n"), withoutConstraints(p.Test)...)
	if strings.ContainsAny(p.TestName, `/\`) {
		return fmt.Errorf("bad test file name %q", p.TestName)
	}
	return os.WriteFile(filepath.Join(dir, p.TestName), test, 0o644)
}
