package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// A share is the time of one part of a whole: a package of go test, a
// package compiled by go build.
type share struct {
	Name string
	Took time.Duration
}

// gotest measures go test ./... of bingfa itself with GOCACHE as it is
// (warm after any earlier build).
func (b *bench) gotest() error {
	d, pkgs, err := goTestJSON(nil)
	if err != nil {
		return err
	}
	b.record("gotest-warm", "go test -count=1 ./... (bingfa's own tests), GOCACHE warm", d)
	b.testShares = pkgs
	return nil
}

// gotestCold measures go test ./... of bingfa itself with empty GOCACHE
// and bingfa cache.
func (b *bench) gotestCold() error {
	d, _, err := goTestJSON(b.coldEnv("gotest"))
	if err != nil {
		return err
	}
	b.record("gotest-cold", "go test -count=1 ./..., empty GOCACHE and bingfa cache", d)
	return nil
}

// goTestJSON runs go test -count=1 -json ./... and returns how long it
// took and each package's time, longest first.
func goTestJSON(env []string) (time.Duration, []share, error) {
	cmd := exec.Command("go", "test", "-count=1", "-json", "./...")
	cmd.Env = append(os.Environ(), env...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var pkgs, failed []share
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e struct {
			Action, Package, Test string
			Elapsed               float64
		}
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Test != "" || (e.Action != "pass" && e.Action != "fail") {
			continue
		}
		s := share{e.Package, time.Duration(e.Elapsed * float64(time.Second))}
		pkgs = append(pkgs, s)
		if e.Action == "fail" {
			failed = append(failed, s)
		}
	}
	slices.SortFunc(pkgs, func(a, b share) int { return int(b.Took - a.Took) })
	if err != nil {
		var names []string
		for _, f := range failed {
			names = append(names, f.Name)
		}
		return d, pkgs, fmt.Errorf("go test ./...: %v (failed: %s)\n%s", err, strings.Join(names, ", "), tail(errs.String()))
	}
	return d, pkgs, nil
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
			b.buildShares = append(b.buildShares, share{a.Mode + " " + a.Package, a.TimeDone.Sub(a.TimeStart)})
		}
	}
	slices.SortFunc(b.buildShares, func(a, b share) int { return int(b.Took - a.Took) })
	return nil
}
