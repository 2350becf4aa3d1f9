package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"bingfa/runner/compiled"
)

// dispatch measures the one-link dispatcher (see runner/compiled's
// dispatch.go): check --engine=compiled of new blocks (an empty bingfa
// cache, and a GOCACHE that holds the standard library but none of the
// blocks) with chunked builds ($BINGFA_DISPATCH=off) and with
// dispatchers (the default), for the course and for the standard
// library's examples; every block's verdict must be the same both ways.
func (b *bench) dispatch() error {
	std, err := b.stdCache()
	if err != nil {
		return err
	}
	sets := []struct{ key, name, dir string }{{"course", "the course", "lessons"}}
	if b.std {
		dir := b.path("std")
		ls, err := b.writeStd(dir)
		if err != nil {
			return err
		}
		n := 0
		for _, l := range ls {
			n += len(l.Blocks)
		}
		sets = append(sets, struct{ key, name, dir string }{"std", fmt.Sprintf("%d standard library examples", n), dir})
	}
	for _, set := range sets {
		var verdicts [2]map[string]string
		for i, mode := range []string{"off", ""} {
			name := "dispatch-" + set.key + "-" + map[string]string{"off": "chunked", "": "dispatcher"}[mode]
			d, v, err := b.coldCompiled(name, std, mode, set.dir)
			if err != nil {
				return err
			}
			verdicts[i] = v
			how := "chunked builds"
			if mode == "" {
				how = fmt.Sprintf("dispatchers (default, from %d new blocks)", compiled.DefaultDispatchMin)
			}
			b.record(name, fmt.Sprintf("check --engine=compiled, %s, new blocks, %s", set.name, how), d)
		}
		if diff := verdictDiff(verdicts[0], verdicts[1]); diff != "" {
			fmt.Printf("%s: verdicts differ with and without dispatchers:\n%s", set.name, diff)
			b.notes = append(b.notes, fmt.Sprintf("dispatch, %s: **some verdicts differ** with chunked builds and with dispatchers:\n%s", set.name, diff))
			continue
		}
		b.notes = append(b.notes, fmt.Sprintf("dispatch, %s: the %d blocks' verdicts are the same with chunked builds and with dispatchers.", set.name, len(verdicts[0])))
	}
	return nil
}

// stdCache returns a GOCACHE that holds the standard library compiled as
// check compiles it (compiled.BuildFlags, compiled.BuildEnv), with and
// without the race detector, and no program: each run copies it.
func (b *bench) stdCache() (string, error) {
	dir := b.path("gocache-std")
	for _, race := range []bool{false, true} {
		cmd := exec.Command("go", append(append([]string{"build"}, compiled.BuildFlags(race)...), "std")...)
		cmd.Env = append(compiled.BuildEnv(race), "GOCACHE="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build std: %v\n%s", err, tail(string(out)))
		}
	}
	return dir, nil
}

// coldCompiled times check --engine=compiled of dir with an empty bingfa
// cache, a copy of the GOCACHE std and $BINGFA_DISPATCH=mode (unset for
// ""), and returns each block's verdict.
func (b *bench) coldCompiled(name, std, mode, dir string) (time.Duration, map[string]string, error) {
	gocache := b.path("cold", name, "go")
	if err := os.MkdirAll(filepath.Dir(gocache), 0o755); err != nil {
		return 0, nil, err
	}
	if out, err := exec.Command("cp", "-a", std, gocache).CombinedOutput(); err != nil {
		return 0, nil, fmt.Errorf("copying GOCACHE: %v\n%s", err, out)
	}
	defer os.RemoveAll(b.path("cold", name))
	report := b.path("cold", name, "report.json")
	env := []string{"BINGFA_CACHE=" + b.path("cold", name, "bingfa"), "GOCACHE=" + gocache}
	if mode != "" {
		env = append(env, "BINGFA_DISPATCH="+mode)
	} else {
		env = append(env, "BINGFA_DISPATCH=")
	}
	cmd := exec.Command(b.bingfa, "check", "--engine=compiled", "--json", report, dir)
	cmd.Env = append(os.Environ(), env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	v, rerr := readVerdicts(report)
	if rerr != nil {
		return 0, nil, fmt.Errorf("bingfa check %s: %v (%v)\n%s", dir, rerr, err, tail(string(out)))
	}
	// The processor time of check and of everything it waited for (go
	// build, the compilers and linker, the programs): less at the mercy
	// of the machine's load than the wall time.
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	fmt.Printf("%-58s %8.2fs CPU\n", name, cpu.Seconds())
	b.notes = append(b.notes, fmt.Sprintf("%s: %.1f s wall, %.1f s processor time (user + system, children included), load %s at the end.", name, d.Seconds(), cpu.Seconds(), loadAverage()))
	return d, v, nil
}

// readVerdicts reads each block's verdict from a JSON report of check.
func readVerdicts(file string) (map[string]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var r struct {
		Blocks []struct{ File, Name, Verdict string }
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	v := map[string]string{}
	for _, bl := range r.Blocks {
		v[bl.File+" "+bl.Name] = bl.Verdict
	}
	return v, nil
}

// verdictDiff lists the blocks whose verdicts differ, or "".
func verdictDiff(a, b map[string]string) string {
	var d strings.Builder
	for k, v := range a {
		if b[k] != v {
			fmt.Fprintf(&d, "  %s: %s without, %s with\n", k, v, b[k])
		}
	}
	for k, v := range b {
		if _, ok := a[k]; !ok {
			fmt.Fprintf(&d, "  %s: only with dispatchers (%s)\n", k, v)
		}
	}
	return d.String()
}
