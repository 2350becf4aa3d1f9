package compiled

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
)

// TestBackgroundYields builds seven programs in the background (a first
// chunk of four, then the others), and, while the first background go
// build is under way (held by the go command of testdata/go), runs the
// last program urgently and holds its build in turn. The order of the go builds shows the priorities: the
// urgent build starts at once, before any background build still queued,
// which no longer holds its program; the queued background builds start
// only once it is done, although the first one ends while it is under
// way; and the background builds run at low priority.
func TestBackgroundYields(t *testing.T) {
	dir := goWrapper(t)
	e := New(t.TempDir())
	defer e.Close()
	e.goCmd, _ = filepath.Abs("testdata/go")
	var ps []*engine.Program
	for i := range 7 {
		ps = append(ps, program(fmt.Sprint(i), strings.Replace(hello, "hello", fmt.Sprintf("b%02d", i), 1)))
	}
	hold(t, dir, "b00", "b06")
	prepared := make(chan struct{})
	go func() {
		defer close(prepared)
		e.Prepare(engine.Background(context.Background()), ps)
	}()
	waitLog(t, dir, "start b00 b01 b02 b03")
	if built, total := e.Backlog(); built != 0 || total != 7 {
		t.Errorf("Backlog = %d, %d during the first background build; want 0, 7", built, total)
	}
	ran := make(chan *engine.Outcome)
	go func() { ran <- e.Run(context.Background(), ps[6], nil) }()
	waitLog(t, dir, "start b06")
	release(t, dir, "b00")
	waitLog(t, dir, "end b00 b01 b02 b03")
	release(t, dir, "b06")
	if o := <-ran; o.Err != nil || o.Text(engine.Output) != "b06\n" {
		t.Fatalf("the urgent run: err %v, output %q", o.Err, o.Text(engine.Output))
	}
	<-prepared
	log := readLog(t, dir)
	nice, err := exec.Command("nice").Output() // this process's
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"start b00 b01 b02 b03",
		"start b06",
		"nice 19 b00 b01 b02 b03",
		"end b00 b01 b02 b03",
		"nice " + strings.TrimSpace(string(nice)) + " b06",
		"end b06",
		"start b04 b05",
	}
	got := slices.DeleteFunc(slices.Clone(log), func(l string) bool { return !slices.Contains(want, l) })
	if !slices.Equal(got, want) {
		t.Errorf("go builds, in order:\n%s\nwant, in this order:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
	if built, total := e.Backlog(); built != 0 || total != 0 {
		t.Errorf("Backlog = %d, %d once all is built; want 0, 0", built, total)
	}
}

// goWrapper has go commands started with GOWRAP_GO set to the real one and
// GOWRAP_DIR to a new directory, which it returns (see testdata/go).
func goWrapper(t *testing.T) string {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	t.Setenv("GOWRAP_GO", goCmd)
	t.Setenv("GOWRAP_DIR", dir)
	return dir
}

// hold makes the go builds of the programs that print names wait.
func hold(t *testing.T, dir string, names ...string) {
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, "hold-"+n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// release lets the go build of the program that prints name go on.
func release(t *testing.T, dir, name string) {
	if err := os.Remove(filepath.Join(dir, "hold-"+name)); err != nil {
		t.Fatal(err)
	}
}

func readLog(t *testing.T, dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, "log"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

// waitLog waits until the go builds' log has line.
func waitLog(t *testing.T, dir, line string) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); !slices.Contains(readLog(t, dir), line); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the go builds' log:\n%s", line, strings.Join(readLog(t, dir), "\n"))
		}
	}
}

// TestUrgentRaisesBackground runs urgently a program of the background
// go build under way, which is held: the reader must not wait for a build
// that runs at the lowest priority on a busy machine. The build goes on
// at this process's priority; or, where bingfa may not raise a priority
// it lowered, the program is built beside it at once.
func TestUrgentRaisesBackground(t *testing.T) {
	dir := goWrapper(t)
	e := New(t.TempDir())
	defer e.Close()
	e.goCmd, _ = filepath.Abs("testdata/go")
	var ps []*engine.Program
	for i := range 2 {
		ps = append(ps, program(fmt.Sprint(i), strings.Replace(hello, "hello", fmt.Sprintf("r%02d", i), 1)))
	}
	hold(t, dir, "r00")
	prepared := make(chan struct{})
	go func() {
		defer close(prepared)
		e.Prepare(engine.Background(context.Background()), ps)
	}()
	waitLog(t, dir, "start r00 r01")
	ran := make(chan *engine.Outcome, 1)
	go func() { ran <- e.Run(context.Background(), ps[1], nil) }()
	for deadline := time.Now().Add(3 * time.Minute); !e.raised() && !slices.Contains(readLog(t, dir), "start r01"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the urgent run neither raised the background build nor started its own:\n%s", strings.Join(readLog(t, dir), "\n"))
		}
	}
	release(t, dir, "r00")
	if o := <-ran; o.Err != nil || o.Text(engine.Output) != "r01\n" {
		t.Fatalf("the urgent run: err %v, output %q", o.Err, o.Text(engine.Output))
	}
	<-prepared
	log := readLog(t, dir)
	nice, err := exec.Command("nice").Output() // this process's
	if err != nil {
		t.Fatal(err)
	}
	raised := slices.Contains(log, "nice "+strings.TrimSpace(string(nice))+" r00 r01")
	beside := slices.Contains(log, "start r01")
	if raised == beside {
		t.Errorf("go builds:\n%s\nwant the background build at priority %s, or r01 built beside it (not both)", strings.Join(log, "\n"), strings.TrimSpace(string(nice)))
	}
}

// raised reports whether an urgent request waits for a background build
// under way.
func (e *Engine) raised() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, b := range e.flight {
		if b.step != nil && b.step.urgent {
			return true
		}
	}
	return false
}
