package check_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engines"
	"bingfa/runner/lesson"
	"bingfa/runner/proc"
	"bingfa/runner/report"
	"bingfa/runner/yaegi"

	udiff "github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// scratch is $TMPDIR for this test binary: every program runs in a scratch
// directory under it, and it must be empty again when the cases are done.
var scratch string

// TestMain makes the test binary a yaegi worker when started as one (the
// corpus test runs blocks in yaegi).
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	dir, err := os.MkdirTemp("", "bingfa-check-test-")
	if err != nil {
		panic(err)
	}
	scratch = dir
	os.Setenv("TMPDIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestCases checks every testdata lesson and compares the report with its
// golden file; then it checks that nothing was left behind.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test lessons: %v", err)
	}
	set, err := engines.New(engines.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	t.Run("group", func(t *testing.T) {
		for _, file := range files {
			name := strings.TrimSuffix(filepath.Base(file), ".md")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got, failed := checkLesson(t, set, file)
				if strings.HasPrefix(name, "pass-") && failed {
					t.Errorf("a pass- lesson failed:\n%s", got)
				}
				if strings.HasPrefix(name, "fail-") && !failed {
					t.Errorf("a fail- lesson passed:\n%s", got)
				}
				golden(t, strings.TrimSuffix(file, ".md")+".golden", got)
			})
		}
	})
	if ps := proc.Descendants(os.Getpid()); len(ps) > 0 {
		t.Errorf("processes left behind: %+v", ps)
	}
	if left, _ := os.ReadDir(scratch); len(left) > 0 {
		t.Errorf("scratch directories left behind in %s: %d", scratch, len(left))
	}
}

// checkLesson checks one lesson and returns the report as -v prints it,
// without durations, and whether any block failed.
func checkLesson(t *testing.T, set *engines.Set, file string) (string, bool) {
	ls, err := lesson.Load([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	term := report.NewTerminal(&out, false, true).WithoutTimes()
	cfg := set.Config()
	cfg.Observer = term
	rep := check.New(cfg).Check(context.Background(), ls)
	term.Summary(rep)
	_, failed, _ := rep.Counts()
	return stable(out.String()), failed > 0
}

var (
	buildPathRE = regexp.MustCompile(`bingfa\.build/p[0-9a-f]+/`)
	pcRE        = regexp.MustCompile(`\+0x[0-9a-f]+`)
	tookRE      = regexp.MustCompile(`took [0-9.hmsµn]+,`)
)

// stable replaces what changes with the Go version in a report.
func stable(s string) string {
	s = buildPathRE.ReplaceAllString(s, "<build>/")
	s = tookRE.ReplaceAllString(s, "took <D>,")
	return pcRE.ReplaceAllString(s, "+0xPC")
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s (go test -update rewrites it):\n%s", path, udiff.Unified("want", "got", string(want), got))
	}
}
