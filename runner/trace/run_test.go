package trace

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bingfa/runner/match"
	"golang.org/x/tools/txtar"
)

// TestRuns builds each program of testdata/runs instrumented, runs it
// with tracing on and checks what its traces hold (see testdata/README).
func TestRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	files, _ := filepath.Glob("testdata/runs/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runCase(t, sections(a))
		})
	}
}

func sections(a *txtar.Archive) map[string]string {
	m := map[string]string{}
	for _, f := range a.Files {
		m[f.Name] = string(f.Data)
	}
	return m
}

var record = flag.Bool("record", false, "rewrite testdata/handoff.trace from the handoff case")

func runCase(t *testing.T, c map[string]string) {
	traces, files := runInstrumented(t, c)
	if *record && strings.HasSuffix(t.Name(), "/handoff") {
		data, _ := os.ReadFile(files[0])
		if err := os.WriteFile("testdata/handoff.trace", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := c["traces"]; want != "" {
		n, _ := strconv.Atoi(strings.TrimSpace(want))
		if len(traces) != n {
			t.Fatalf("%d traces, want %d", len(traces), n)
		}
	}
	tr := traces[0] // the first process's: the parent's pid is lowest here
	if !tr.Complete {
		t.Errorf("trace incomplete")
	}
	if want, ok := c["facts"]; ok {
		p, err := match.Compile(want, match.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := tr.Facts().Text("zh")
		if r := p.Match(got); !r.OK {
			t.Errorf("facts:\n%s\nwant:\n%s", got, want)
		}
	}
	var names []string
	for _, l := range tr.Lanes {
		names = append(names, l.Name)
	}
	if got, want := strings.Join(names, "\n"), strings.TrimSpace(c["lanes"]); got != want {
		t.Errorf("lanes:\n%s\nwant:\n%s", got, want)
	}
}

// runInstrumented builds and runs the case's program and reads every
// trace it wrote, parent first.
func runInstrumented(t *testing.T, c map[string]string) ([]*Trace, []string) {
	dir := t.TempDir()
	src, extra := Instrument([]byte(c["main.go"]))
	write(t, dir, "go.mod", "module p\n\ngo 1.26\n")
	write(t, dir, "main.go", string(src))
	write(t, dir, FileName, string(extra))
	build := exec.Command("go", "build", "-o", "prog", ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s\n%s", err, out, src)
	}
	traces := filepath.Join(dir, "traces")
	os.Mkdir(traces, 0o755)
	run := exec.Command(filepath.Join(dir, "prog"))
	run.Env = append(os.Environ(), EnvDir+"="+traces)
	run.Env = append(run.Env, strings.Fields(c["env"])...)
	out, err := run.CombinedOutput()
	status := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if want, _ := strconv.Atoi(strings.TrimSpace(c["status"])); status != want {
		t.Fatalf("exit status %d, want %d\n%s", status, want, out)
	}
	return readAll(t, traces)
}

func readAll(t *testing.T, dir string) ([]*Trace, []string) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.trace"))
	if len(names) == 0 {
		t.Fatal("no trace written")
	}
	names = sortByPID(names)
	var trs []*Trace
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		trs = append(trs, tr)
	}
	return trs, names
}

func sortByPID(names []string) []string {
	pid := func(n string) int {
		v, _ := strconv.Atoi(strings.TrimSuffix(filepath.Base(n), ".trace"))
		return v
	}
	slices.SortFunc(names, func(a, b string) int { return pid(a) - pid(b) })
	return names
}

func write(t *testing.T, dir, name, data string) {
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
