package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// A share is the time of one part of a whole: a package of go test, a
// package compiled by go build. Start and End, when known, are its
// offsets from the start of the whole.
type share struct {
	Name       string
	Took       time.Duration
	Start, End time.Duration
}

// gotest measures go test ./... of bingfa itself with GOCACHE as it is
// (warm after any earlier build).
func (b *bench) gotest() error {
	run, err := goTestJSON(nil)
	if err != nil {
		return err
	}
	b.record("gotest-warm", "go test -count=1 ./... (bingfa's own tests), GOCACHE warm", run.Took)
	b.record("gotest-warm-cpu", "the same: processor time of all its processes (user + system)", run.CPU)
	b.record("gotest-warm-bound", "the same processor time divided among the CPUs: no schedule is faster", run.CPU/time.Duration(runtime.NumCPU()))
	b.testShares = run.Packages
	return nil
}

// gotestCold measures go test ./... of bingfa itself with empty GOCACHE
// and bingfa cache.
func (b *bench) gotestCold() error {
	run, err := goTestJSON(b.coldEnv("gotest"))
	if err != nil {
		return err
	}
	b.record("gotest-cold", "go test -count=1 ./..., empty GOCACHE and bingfa cache", run.Took)
	return nil
}

// A testRun is a go test ./... and its packages.
type testRun struct {
	Took     time.Duration
	CPU      time.Duration // user and system time of go test and every process it waited for
	Packages []share       // the tested packages, longest first, with their start and end
}

// goTestJSON runs go test -count=1 -json ./... and returns how long it
// took, its processor time and each package's time, longest first.
func goTestJSON(env []string) (*testRun, error) {
	cmd := exec.Command("go", "test", "-count=1", "-json", "./...")
	cmd.Env = append(os.Environ(), env...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	start := time.Now()
	err := cmd.Run()
	run := &testRun{Took: time.Since(start)}
	if cmd.ProcessState != nil {
		run.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	pkgs, failed := testPackages(&out)
	run.Packages = pkgs
	if err != nil {
		return run, fmt.Errorf("go test ./...: %v (failed: %s)\n%s", err, strings.Join(failed, ", "), tail(errs.String()))
	}
	return run, nil
}

// testPackages reads go test -json's events and returns each package that
// ran tests, longest first, with its start and end counted from the first
// event, and the names of those that failed.
func testPackages(r io.Reader) ([]share, []string) {
	var first time.Time
	started := map[string]time.Time{}
	var pkgs []share
	var failed []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e struct {
			Time                  time.Time
			Action, Package, Test string
			Elapsed               float64
		}
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Test != "" {
			continue
		}
		if first.IsZero() || e.Time.Before(first) {
			first = e.Time
		}
		switch e.Action {
		case "start":
			started[e.Package] = e.Time
		case "pass", "fail":
			s := share{Name: e.Package, Took: time.Duration(e.Elapsed * float64(time.Second))}
			if t, ok := started[e.Package]; ok {
				s.Start, s.End = t.Sub(first), e.Time.Sub(first)
			}
			pkgs = append(pkgs, s)
			if e.Action == "fail" {
				failed = append(failed, e.Package)
			}
		}
	}
	slices.SortFunc(pkgs, func(a, b share) int { return int(b.Took - a.Took) })
	return pkgs, failed
}

// coldBuild measures go build of bingfa with an empty GOCACHE, and which
// packages its time goes to (go build -debug-actiongraph).
func (b *bench) coldBuild() error {
	graph := b.path("actiongraph.json")
	env := b.coldEnv("build")
	d, out, err := timed(".", env, "go", "build", "-debug-actiongraph="+graph, "-o", b.path("bingfa-cold"), ".")
	if err != nil {
		return fmt.Errorf("cold go build: %v\n%s", err, out)
	}
	b.record("build-cold", "go build . of bingfa, empty GOCACHE", d)
	data, err := os.ReadFile(graph)
	if err != nil {
		return err
	}
	var actions []struct {
		Mode, Package       string
		TimeStart, TimeDone time.Time
	}
	if err := json.Unmarshal(data, &actions); err != nil {
		return err
	}
	for _, a := range actions {
		if (a.Mode == "build" || a.Mode == "link") && !a.TimeStart.IsZero() && !a.TimeDone.IsZero() {
			b.buildShares = append(b.buildShares, share{Name: a.Mode + " " + a.Package, Took: a.TimeDone.Sub(a.TimeStart)})
		}
	}
	slices.SortFunc(b.buildShares, func(a, b share) int { return int(b.Took - a.Took) })
	return nil
}
