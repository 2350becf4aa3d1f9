package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
	"bingfa/runner/runenv"
)

// timed runs a command in dir with extra environment and returns how long
// it took and its combined output.
func timed(dir string, env []string, name string, args ...string) (time.Duration, string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	return time.Since(start), out.String(), err
}

// runBinary runs a built program directly, in a scratch directory, under
// the same supervision as check, and returns its outcome.
func runBinary(bin string, p *program) (*engine.Outcome, error) {
	env := func(scratch string) []string { return runenv.Environ(scratch, p.Env) } // as check runs it
	return runIn(p, nil, env, bin, p.Args...)
}

// runScript runs Python program p with py in a scratch directory.
func runScript(py string, p *program) (*engine.Outcome, error) {
	write := func(scratch string) error {
		return os.WriteFile(filepath.Join(scratch, "main.py"), []byte(p.Source), 0o644)
	}
	// python3 may be a shim that needs bingfa's environment to find its
	// interpreter.
	env := func(string) []string { return append(os.Environ(), p.Env...) }
	return runIn(p, write, env, py, append([]string{"-I", "-u", "main.py"}, p.Args...)...)
}

// runIn runs name with args for program p in a new scratch directory,
// which prepare (when not nil) fills first, with the environment env
// gives for it, under the same supervision as check, and returns its
// outcome.
func runIn(p *program, prepare func(scratch string) error, env func(scratch string) []string, name string, args ...string) (*engine.Outcome, error) {
	scratch, err := os.MkdirTemp("", "bingfa-bench-run-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	if prepare != nil {
		if err := prepare(scratch); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = scratch
	cmd.Env = env(scratch)
	o := proc.Run(context.Background(), cmd, proc.Config{Timeout: p.block.Opts.Timeout, MaxOutput: 1 << 20})
	if o.Err != nil {
		return o, fmt.Errorf("%s: %v", p.ID, o.Err)
	}
	return o, nil
}

// leastCost runs p floorRuns times with run and returns the cost of its
// shortest run.
func leastCost(p *program, run func() (*engine.Outcome, error)) (cost, error) {
	var least cost
	for range floorRuns {
		o, err := run()
		if err != nil {
			return cost{}, err
		}
		if least.p == nil || o.Elapsed < least.wall {
			least = cost{p, o.Elapsed, o.CPU}
		}
	}
	return least, nil
}

// buildAll builds the packages of m into m.Dir/bin with one go build for
// the programs without the race detector and one for those with it, and
// returns how long that took.
func buildAll(m *module, ps []*program, env []string) (time.Duration, error) {
	var plain, race []string
	for i, pkg := range m.Pkgs {
		if i < len(ps) && ps[i].Race {
			race = append(race, pkg)
		} else {
			plain = append(plain, pkg)
		}
	}
	var took time.Duration
	for _, set := range []struct {
		pkgs  []string
		flags []string
	}{{plain, nil}, {race, []string{"-race"}}} {
		if len(set.pkgs) == 0 {
			continue
		}
		args := append([]string{"build", "-o", filepath.Join(m.Dir, "bin") + "/"}, set.flags...)
		d, out, err := timed(m.Dir, env, "go", append(args, set.pkgs...)...)
		took += d
		if err != nil {
			return took, fmt.Errorf("go build: %v\n%s", err, tail(out))
		}
	}
	return took, nil
}

// A cost is what one program of the course costs when run alone.
type cost struct {
	p         *program
	wall, cpu time.Duration // of one run
}

// floorRuns is how many times floor runs each program: the programs'
// times vary from run to run, and the floor takes the least of each.
const floorRuns = 3

// binaryCosts runs every prebuilt program floorRuns times, alone, and
// returns what each costs at least (its shortest run).
func binaryCosts(m *module, ps []*program) ([]cost, error) {
	var costs []cost
	for i, p := range ps {
		bin := filepath.Join(m.Dir, "bin", fmt.Sprintf("p%03d", i+1))
		c, err := leastCost(p, func() (*engine.Outcome, error) { return runBinary(bin, p) })
		if err != nil {
			return nil, err
		}
		costs = append(costs, c)
	}
	return costs, nil
}

// floorOf returns the least time in which any scheduler can run programs
// of these costs as check must, on cpus CPUs: serial blocks one after
// another with nothing beside them, the others at once, which takes as
// long as the longest of them, or as their processor time divided among
// the CPUs, whichever is longer. The runs of a runs=N block count N
// times (at once, unless the block is serial).
func floorOf(costs []cost, cpus int) time.Duration {
	var serial, longest, cpu time.Duration
	for _, c := range costs {
		runs := time.Duration(max(c.p.Runs, 1))
		if c.p.Serial {
			serial += runs * c.wall
			continue
		}
		longest = max(longest, c.wall)
		cpu += runs * c.cpu
	}
	return serial + max(longest, cpu/time.Duration(cpus))
}

// runEach runs every program's binary, NumCPU at a time, and returns the
// wall time.
func runEach(m *module, ps []*program) (time.Duration, error) {
	start := time.Now()
	sem := make(chan struct{}, runtime.NumCPU())
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i, p := range ps {
		bin := filepath.Join(m.Dir, "bin", fmt.Sprintf("p%03d", i+1))
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if _, err := runBinary(bin, p); err != nil {
				mu.Lock()
				first = cmpOr(first, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return time.Since(start), first
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// goRunEach runs every program with go run, one after another, as a
// programmer checking the course by hand would.
func goRunEach(m *module, ps []*program, env []string) (time.Duration, error) {
	start := time.Now()
	for i, p := range ps {
		args := []string{"run"}
		if p.Race {
			args = append(args, "-race")
		}
		args = append(args, fmt.Sprintf("./p%03d", i+1))
		args = append(args, p.Args...)
		_, out, err := timed(m.Dir, append(env, p.Env...), "go", args...)
		if err != nil && p.block.Opts.Exit == 0 && p.block.Opts.Expect.Kind == "" {
			return 0, fmt.Errorf("go run %s: %v\n%s", p.ID, err, tail(out))
		}
	}
	return time.Since(start), nil
}

// goTest runs go test on the examples module; failing examples (expected
// output with placeholders) are counted, not fatal.
func goTest(m *module, env []string) (time.Duration, int, error) {
	d, out, err := timed(m.Dir, env, "go", append([]string{"test", "-count=1"}, m.Pkgs...)...)
	failed := strings.Count(out, "--- FAIL: Example")
	if err != nil && failed == 0 {
		return d, 0, fmt.Errorf("go test: %v\n%s", err, tail(out))
	}
	return d, failed, nil
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

// scriptCosts runs each Python program with python3, as check runs it
// (isolated mode, unbuffered), floorRuns times, and returns the least
// cost of each: none where there is no python3, as check skips them then.
func scriptCosts(ps []*program) ([]cost, error) {
	py, err := exec.LookPath("python3")
	if err != nil {
		return nil, nil
	}
	var costs []cost
	for _, p := range ps {
		c, err := leastCost(p, func() (*engine.Outcome, error) { return runScript(py, p) })
		if err != nil {
			return nil, err
		}
		costs = append(costs, c)
	}
	return costs, nil
}
