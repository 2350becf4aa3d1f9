package compiled

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
)

func program(id, src string) *engine.Program {
	return &engine.Program{ID: id, Source: []byte(src), Path: "lesson.md", Line: 10, Timeout: 10 * time.Second, MaxOutput: 1 << 20}
}

const hello = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"

func TestCacheHit(t *testing.T) {
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
	if o := e.Run(ctx, race, nil); o.Cached {
		t.Errorf("a race build of the same source came from the cache of the normal build")
	}
}

func TestBatchBuildsTogether(t *testing.T) {
	dir := t.TempDir()
	e := New(dir)
	defer e.Close()
	var ps []*engine.Program
	for _, word := range []string{"one", "two", "three"} {
		ps = append(ps, program(word, strings.Replace(hello, "hello", word, 1)))
	}
	e.Prepare(context.Background(), ps)
	bins, _ := os.ReadDir(filepath.Join(dir, "bin"))
	if len(bins) != 3 {
		t.Fatalf("%d binaries in the cache after Prepare, want 3", len(bins))
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
	e := New(t.TempDir())
	defer e.Close()
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
	o := e.Run(context.Background(), program("wd", src), nil)
	lines := strings.Split(strings.TrimSpace(o.Text(engine.Output)), "\n")
	if len(lines) != 2 || lines[0] != "true" {
		t.Fatalf("output %q: the program should run in its scratch directory, which is also its TMPDIR", lines)
	}
	if _, err := os.Stat(lines[1]); !os.IsNotExist(err) {
		t.Errorf("scratch directory %s still exists", lines[1])
	}
}

func TestCancelWhileBuilding(t *testing.T) {
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
