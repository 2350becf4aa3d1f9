package compiled

import (
	"context"
	"debug/elf"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
)

// TestMain lets the test binary be a sandbox's init: programs run in the
// sandbox where it is available.
func TestMain(m *testing.M) {
	sandbox.MaybeInit()
	os.Exit(m.Run())
}

func program(id, src string) *engine.Program {
	return &engine.Program{ID: id, Source: []byte(src), Path: "lesson.md", Line: 10, Timeout: 10 * time.Second, MaxOutput: 1 << 20}
}

// hello is the program of the tests that build, cache and run programs
// whatever they print. It imports nothing: its link takes about 40% less
// processor time than with fmt's (the tests link it some 30 times a run,
// in fresh caches), and the builtin println writes to standard error,
// which engine.Output has as it has standard output.
const hello = "package main\n\nfunc main() { println(\"hello\") }\n"

// shared returns an engine with the shared cache (DefaultCacheDir,
// content-addressed and checked before each use), closed with t, for the
// tests of what a program sees when it runs: a fresh build proves nothing
// there (the builds themselves are under test with fresh caches), and a
// warm run of the tests links nothing again.
func shared(t *testing.T) *Engine {
	e := New(DefaultCacheDir())
	t.Cleanup(func() { e.Close() })
	return e
}

func TestCacheHit(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	ctx := context.Background()
	first := e.Run(ctx, program("a", hello), nil)
	if first.Err != nil || first.Cached || first.Text(engine.Output) != "hello\n" {
		t.Fatalf("first run: err %v cached %v output %q", first.Err, first.Cached, first.Text(engine.Output))
	}
	second := e.Run(ctx, program("b", hello), nil)
	if !second.Cached || second.Build != 0 {
		t.Errorf("second run of the same source: cached %v build %v; want a cache hit", second.Cached, second.Build)
	}
	race := program("c", hello)
	race.Race = true
	if e.Cached(race) { // what a run would find, without building it
		t.Errorf("a race build of the same source would come from the cache of the normal build")
	}
}

func TestBatchBuildsTogether(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := New(dir)
	defer e.Close()
	var ps []*engine.Program
	for _, word := range []string{"one", "two"} {
		ps = append(ps, program(word, strings.Replace(hello, "hello", word, 1)))
	}
	e.Prepare(context.Background(), ps)
	bins, _ := os.ReadDir(filepath.Join(dir, "bin"))
	if len(bins) != 2 {
		t.Fatalf("%d binaries in the cache after Prepare, want 2", len(bins))
	}
	for _, p := range ps {
		if o := e.Run(context.Background(), p, nil); !o.Cached || o.Text(engine.Output) != p.ID+"\n" {
			t.Errorf("%s: cached %v output %q", p.ID, o.Cached, o.Text(engine.Output))
		}
	}
	if work, _ := os.ReadDir(filepath.Join(dir, "work")); len(work) != 0 {
		t.Errorf("build directories left: %v", work)
	}
}

func TestCompileErrorPositions(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	p := program("bad", "package main\n\nfunc main() {\n\tx := 1\n\ty()\n}\n")
	p.Col = 2
	ok := program("good", hello)
	e.Prepare(context.Background(), []*engine.Program{p, ok})
	err := e.Build(context.Background(), p)
	var be *engine.BuildError
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want a BuildError", err)
	}
	want := []string{"lesson.md:13:4: declared and not used: x", "lesson.md:14:4: undefined: y"}
	if got := strings.Split(be.Error(), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", be.Error(), strings.Join(want, "\n"))
	}
	if err := e.Build(context.Background(), ok); err != nil {
		t.Errorf("a good program built in the same batch failed: %v", err)
	}
}

func TestPrecheck(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	for _, tt := range []struct{ src, want string }{
		{"package main\n\nfunc main() {\n\tx := \n}\n", "lesson.md:14:1: expected operand"},
		{"package lib\n\nfunc F() {}\n", "lesson.md:10:9: a go block must be a complete program (package main, not package lib)"},
	} {
		err := e.Build(context.Background(), program("p", tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Build(%q) = %v, want %q...", tt.src, err, tt.want)
		}
	}
}

func TestRunsInScratchDir(t *testing.T) {
	e := shared(t)
	src := `package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Println(wd == os.TempDir())
	os.WriteFile("left.txt", []byte("x"), 0o644)
	fmt.Println(wd)
}
`
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where scratch directories are made
	o := e.Run(context.Background(), program("wd", src), nil)
	lines := strings.Split(strings.TrimSpace(o.Text(engine.Output)), "\n")
	if len(lines) != 2 || lines[0] != "true" {
		t.Fatalf("output %q: the program should run in its scratch directory, which is also its TMPDIR", lines)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("scratch directory %s still exists", left[0].Name())
	}
}

func TestCancelWhileBuilding(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := e.Run(ctx, program("x", strings.Replace(hello, "hello", "cancelled", 1)), nil)
	var f *engine.Failure
	if !errors.As(o.Err, &f) || f.Kind != engine.Canceled {
		t.Errorf("err = %v, want a cancellation", o.Err)
	}
	e.Close()
}

// TestBrokenProgramInBatch checks that a program go build cannot even
// load (a go:embed pattern without files) fails alone: the programs built
// in the same go build still get their binaries.
func TestBrokenProgramInBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := New(dir)
	defer e.Close()
	broken := program("broken", "package main\n\nimport _ \"embed\"\n\n//go:embed missing.txt\nvar s string\n\nfunc main() { println(s) }\n")
	var ps []*engine.Program
	for _, word := range []string{"one", "two"} { // built before and after it
		ps = append(ps, program(word, strings.Replace(hello, "hello", word, 1)))
	}
	ps = append(ps[:1], append([]*engine.Program{broken}, ps[1:]...)...)
	e.Prepare(context.Background(), ps)
	if bins, _ := os.ReadDir(filepath.Join(dir, "bin")); len(bins) != 2 {
		t.Errorf("%d binaries in the cache after Prepare, want 2: the broken program kept the others from building", len(bins))
	}
	for _, p := range ps {
		o := e.Run(context.Background(), p, nil)
		if p == broken {
			var be *engine.BuildError
			if !errors.As(o.Err, &be) || !strings.Contains(be.Error(), "missing.txt") {
				t.Errorf("broken: err %v, want a build error about missing.txt", o.Err)
			}
			continue
		}
		if o.Err != nil || o.Text(engine.Output) != p.ID+"\n" {
			t.Errorf("%s: err %v output %q", p.ID, o.Err, o.Text(engine.Output))
		}
	}
}

// TestBuildConstraintIgnored checks that a block starting with
// "//go:build ignore", as many examples do, is built and run as go run
// file.go would, with its positions unchanged.
func TestBuildConstraintIgnored(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	src := "//go:build ignore\n\npackage main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"ran\"); undefinedName() }\n"
	o := e.Run(context.Background(), program("ignore", src), nil)
	var be *engine.BuildError
	if !errors.As(o.Err, &be) || len(be.Diags) == 0 || be.Diags[0].Line != 10+7-1 {
		t.Fatalf("err %v: want a build error at lesson line 16", o.Err)
	}
	o = e.Run(context.Background(), program("ignore", strings.Replace(src, "; undefinedName()", "", 1)), nil)
	if o.Err != nil || o.Text(engine.Output) != "ran\n" {
		t.Errorf("err %v output %q", o.Err, o.Text(engine.Output))
	}
}

// TestRunEnv checks the environment a program sees: its scratch directory
// as PWD and TMPDIR, TZ=UTC, and env= winning over both.
func TestRunEnv(t *testing.T) {
	t.Parallel()
	e := shared(t)
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\twd, _ := os.Getwd()\n\tfmt.Println(os.Getenv(\"PWD\") == wd, os.Getenv(\"TZ\"), time.Unix(0, 0).Format(\"15:04 MST\"))\n}\n"
	o := e.Run(context.Background(), program("env", src), nil)
	if got := o.Text(engine.Output); got != "true UTC 00:00 UTC\n" {
		t.Errorf("default: %q", got)
	}
	p := program("env-tz", src)
	p.Env = []string{"TZ=Asia/Shanghai"}
	if got := e.Run(context.Background(), p, nil).Text(engine.Output); got != "true Asia/Shanghai 08:00 CST\n" {
		t.Errorf("env=TZ=Asia/Shanghai: %q", got)
	}
}

// TestNoDebugTables: binaries are linked without DWARF tables (a quicker
// link), and a panic still shows its function, file and line, which come
// from the runtime's own tables.
func TestNoDebugTables(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("reads ELF binaries")
	}
	dir := t.TempDir()
	e := New(dir)
	defer e.Close()
	p := program("panics", "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"x\"]++\n}\n")
	o := e.Run(context.Background(), p, nil)
	if out := o.Text(engine.Output); o.Exit != 2 || !strings.Contains(out, "main.main()") || !strings.Contains(out, "main.go:5") {
		t.Errorf("exit %d, output:\n%s\nwant a panic's trace naming main.main() at main.go:5", o.Exit, out)
	}
	bins, _ := os.ReadDir(filepath.Join(dir, "bin"))
	if len(bins) != 1 {
		t.Fatalf("%d binaries in the cache, want 1", len(bins))
	}
	f, err := elf.Open(filepath.Join(dir, "bin", bins[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{".debug_info", ".zdebug_info"} {
		if f.Section(name) != nil {
			t.Errorf("the binary has a %s section: it was linked with DWARF tables", name)
		}
	}
}

// TestBuildLeavesNoTemp interrupts a go build (the engine is closed while
// it runs) and checks that its temporary files were in the cache's work
// directory, not in $TMPDIR, and that none is left anywhere.
func TestBuildLeavesNoTemp(t *testing.T) {
	tmp, dir := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", tmp)
	e := New(dir)
	src := strings.Replace(hello, "hello", "interrupted "+time.Now().String(), 1) // never built before
	done := make(chan error, 1)
	go func() { done <- e.Build(context.Background(), program("x", src)) }()
	seen, ended := false, false
	for deadline := time.Now().Add(2 * time.Minute); !seen && !ended && time.Now().Before(deadline); {
		m, _ := filepath.Glob(filepath.Join(dir, "work", "*", "tmp", "go-build*"))
		seen = len(m) > 0
		select {
		case <-done:
			ended = true
		default:
			time.Sleep(time.Millisecond)
		}
	}
	e.Close()
	if !ended {
		<-done
	}
	if !seen {
		t.Errorf("go build's temporary directory never appeared in the cache's work directory")
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in TMPDIR, such as %s", len(left), left[0].Name())
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "work")); len(left) > 0 {
		t.Errorf("%d work directories left, such as %s", len(left), left[0].Name())
	}
}

// TestPoisonedCache rewrites a cached binary with another program, as a
// program outside the sandbox could, and checks that the next run builds
// the program again instead of running the impostor.
func TestPoisonedCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := New(dir)
	defer e.Close()
	ctx := context.Background()
	good := program("good", hello)
	if o := e.Run(ctx, good, nil); o.Err != nil {
		t.Fatalf("%s: %v", good.ID, o.Err)
	}
	tool, err := e.cache.tool(e.goCmd)
	if err != nil {
		t.Fatal(err)
	}
	goodBin := e.cache.bin(e.cache.key(tool, buildFlags(good), buildInput(good)))
	impostor := "#!/bin/sh\necho poisoned\n" // a program all the same: no second link needed
	if err := os.WriteFile(goodBin, []byte(impostor), 0o755); err != nil {
		t.Fatal(err)
	}
	o := e.Run(ctx, program("good again", hello), nil)
	if got := o.Text(engine.Output); got != "hello\n" || o.Cached {
		t.Errorf("after the cache was poisoned: output %q, cached %v; want hello from a new build", got, o.Cached)
	}
}
