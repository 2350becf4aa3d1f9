package lesson

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// errLine is the shape of every error line the parser reports.
var errLine = regexp.MustCompile(`^f\.md:[1-9][0-9]*(:[1-9][0-9]*)?: `)

// FuzzParse checks that any input parses without panicking, that every
// error names a position in the file, and that every fence of a parsed
// lesson lies inside the source in order. The seed corpus is the test
// lessons in testdata and the fuzzer's finds in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("f.md", src)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !errLine.MatchString(line) {
					t.Fatalf("error without a position: %q", line)
				}
			}
			return
		}
		for _, b := range l.Blocks {
			checkFence(t, b.Code, len(src))
			if b.Output != nil {
				checkFence(t, b.Output, len(src))
				if b.Output.Start < b.Code.End {
					t.Fatalf("output block at %d before the end of its program at %d", b.Output.Start, b.Code.End)
				}
			}
		}
	})
}

func checkFence(t *testing.T, f *Fence, n int) {
	t.Helper()
	if !(0 <= f.Start && f.Start <= f.BodyStart && f.BodyStart <= f.BodyEnd && f.BodyEnd <= f.End && f.End <= n) {
		t.Fatalf("fence at line %d out of order: %d %d %d %d (len %d)", f.Line, f.Start, f.BodyStart, f.BodyEnd, f.End, n)
	}
	if f.Line < 1 {
		t.Fatalf("fence at line %d", f.Line)
	}
}

// FuzzInfo checks that any info string on a go fence is either parsed or
// reported at the fence's line, never a panic.
func FuzzInfo(f *testing.F) {
	for _, s := range []string{
		`go`, `go exit=3 timeout=2s`, `go args="a b" env=K=V env="X=y z"`,
		`go runs=5 distinct=2`, `go race expect=race`, `go name=x file=examples/a/main.go`,
		`go args="unterminated`, `go exit=`, `go =3`, `go timeout=-1s`, `go cell`,
		`go expect=panic:"boom"`, `go maxoutput=1KB serial`, `go race expect=race exit=66`,
		`go norun nobuild exit=1 exit=2`, `go env=K="\d \\ \"q\""`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, info string) {
		if strings.ContainsAny(info, "\n\r`") {
			return
		}
		src := "```" + info + "\npackage main\n\nfunc main() {}\n```\n"
		_, err := Parse("f.md", []byte(src))
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "f.md:1:") {
				t.Fatalf("info error not at line 1: %q", line)
			}
		}
	})
}
