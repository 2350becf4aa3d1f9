package compiled

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
)

// testBuildTime is added to a test block's time limit: go test builds the
// package and its tests before it runs them.
const testBuildTime = 60 * time.Second

// goTest runs the tests of p (p.Test) with go test, in a scratch module
// (see TestModule) that holds the program and its test file, each
// starting with a //line directive (so that positions name the files,
// not the directory), and the data files. Its output is what go test
// prints, ok line included; its flags are p.Args, with -count=1 so that
// a cached result is never shown.
func (e *Engine) goTest(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	fail := func(format string, args ...any) *engine.Outcome {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, format, args...)}
	}
	scratch, err := os.MkdirTemp("", "bingfa-run-")
	if err != nil {
		return fail("cannot create a scratch directory: %v", err)
	}
	defer os.RemoveAll(scratch)
	// The module is a directory of the scratch directory, which is
	// TMPDIR: go ignores a go.mod in TMPDIR itself.
	dir := filepath.Join(scratch, "module")
	if err := writeTestModule(dir, p); err != nil {
		return fail("cannot write the test's module: %v", err)
	}
	stdin, err := runInputs(dir, p)
	if err != nil {
		return fail("cannot give the program its inputs: %v", err)
	}
	if stdin != nil {
		defer stdin.Close()
	}
	args := append([]string{"test", "-count=1"}, p.Args...)
	if p.Race {
		args = append(args, "-race")
	}
	cmd := exec.Command(e.goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(BuildEnv(p.Race), "TMPDIR="+scratch, "PWD="+dir, "TZ=UTC")
	cmd.Env = append(cmd.Env, p.Env...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cfg := proc.Config{
		Timeout: p.Timeout + testBuildTime, MaxOutput: p.MaxOutput, Split: p.Split, Emit: emit,
		Scratch: scratch,
	}
	signalWhenReady(&cfg, p)
	out := proc.Run(ctx, cmd, cfg)
	out.Files = collect(dir, p.Collect, p.MaxOutput)
	out.Engine = e.Name()
	return out
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
	mod := fmt.Sprintf("module %s\n\ngo 1.26\n", TestModule(p))
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
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
