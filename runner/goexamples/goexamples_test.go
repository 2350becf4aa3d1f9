package goexamples_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/goexamples"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
	"bingfa/runner/yaegi"
)

// corpus is the set of standard library packages whose playable examples
// must all pass: under the compiled engine, and, for those the router lets
// through, under yaegi too.
var corpus = []string{
	"archive/tar", "archive/zip", "bufio", "bytes", "cmp", "compress/flate", "compress/gzip",
	"compress/zlib", "container/heap", "container/list", "container/ring", "context",
	"crypto/cipher", "crypto/md5", "crypto/sha1", "crypto/sha256", "go/ast", "go/constant",
	"go/format", "go/parser", "go/scanner", "go/token", "image", "image/png",
	"index/suffixarray", "io/fs", "mime/multipart", "mime/quotedprintable", "net/mail", "encoding/base32", "encoding/base64",
	"encoding/binary", "encoding/csv", "encoding/gob", "encoding/hex", "encoding/json",
	"encoding/pem", "encoding/xml", "errors", "flag", "fmt", "hash/crc32", "html",
	"html/template", "io", "log", "maps", "math", "math/big", "math/bits", "math/cmplx",
	"math/rand", "mime", "net/url", "path", "path/filepath", "regexp", "slices", "sort",
	"strconv", "strings", "sync", "sync/atomic", "text/scanner", "text/tabwriter",
	"text/template", "time", "unicode", "unicode/utf8",
}

// excluded are examples that depend on go test's environment: they read
// files of the package's source directory, or print the name of the
// example's file.
var excluded = map[string]bool{"sync.OnceValues": true, "log.Logger": true, "log.Logger_Output": true,
	"zip.Reader": true}

// lessons returns the corpus as parsed lessons, which TestStdlibExamples
// and TestYaegiShare share: both only read them.
func lessons(t *testing.T) []*lesson.Lesson {
	t.Helper()
	ls, err := corpusLessons()
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// corpusLessons converts the corpus into parsed lessons, once: it parses
// every test file of the corpus's packages.
var corpusLessons = sync.OnceValues(func() ([]*lesson.Lesson, error) {
	var ls []*lesson.Lesson
	for _, pkg := range corpus {
		exs, err := goexamples.Package(runtime.GOROOT(), pkg)
		if err != nil {
			return nil, err
		}
		if len(exs) == 0 {
			return nil, fmt.Errorf("%s: no playable examples", pkg)
		}
		exs = slices.DeleteFunc(exs, func(ex goexamples.Example) bool { return excluded[path.Base(pkg)+"."+ex.Name] })
		path := filepath.Join("std", strings.ReplaceAll(pkg, "/", "-")+".md")
		l, err := lesson.Parse(path, goexamples.Lesson(pkg, exs))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", pkg, err)
		}
		ls = append(ls, l)
	}
	return ls, nil
})

// TestMain makes the test binary a yaegi worker when started as one.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	os.Exit(m.Run())
}

// checker returns a checker whose engines are those of $BINGFA_ENGINE, by
// default both: every example yaegi may run runs in both engines, and
// must pass in both.
func checker(t *testing.T) *check.Checker {
	mode := os.Getenv("BINGFA_ENGINE")
	if mode == "" {
		mode = wiring.Both
	}
	set, err := wiring.New(mode, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	return check.New(set.Config())
}

// TestStdlibExamples checks that every playable example of the corpus
// passes, as it does under go test.
func TestStdlibExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a few hundred programs")
	}
	ls := lessons(t)
	rep := checker(t).Check(context.Background(), ls)
	ran, interpreted := 0, 0
	for _, r := range rep.Results {
		if r.Status == verdict.Fail {
			var b strings.Builder
			report.WriteProblems(&b, r, report.Colors{})
			t.Errorf("%s", b.String())
		}
		if len(r.Runs) > 0 {
			ran++
		}
		if strings.Contains(r.Engine, "yaegi") {
			interpreted++
		}
	}
	p, f, s := rep.Counts()
	t.Logf("%d lessons: %d passed (%d ran, %d of them in yaegi), %d failed, %d skipped", len(ls), p, ran, interpreted, f, s)
	if ran < 100 {
		t.Errorf("only %d examples ran; the corpus should have well over 100", ran)
	}
	// In mode both every block the static check lets through runs in
	// yaegi (in mode auto, blocks already built run compiled).
	if mode := os.Getenv("BINGFA_ENGINE"); (mode == "" || mode == wiring.Both) && float64(interpreted) < minShare*float64(ran) {
		t.Errorf("%d of %d examples ran in yaegi, fewer than %.0f%%", interpreted, ran, 100*minShare)
	}
}

// TestCorruptedExample checks that a wrong expected output fails with a
// diff that shows the corrupted line.
func TestCorruptedExample(t *testing.T) {
	exs, err := goexamples.Package(runtime.GOROOT(), "strings")
	if err != nil {
		t.Fatal(err)
	}
	var picked []goexamples.Example
	for _, ex := range exs {
		if ex.Name == "ToUpper" {
			ex.Output = strings.Replace(ex.Output, "GOPHER", "G0PHER", 1)
			picked = append(picked, ex)
		}
	}
	if len(picked) != 1 || !strings.Contains(picked[0].Output, "G0PHER") {
		t.Fatalf("ExampleToUpper not found or not corrupted: %+v", picked)
	}
	l, err := lesson.Parse("std/strings.md", goexamples.Lesson("strings", picked))
	if err != nil {
		t.Fatal(err)
	}
	rep := checker(t).Check(context.Background(), []*lesson.Lesson{l})
	r := rep.Results[0]
	if r.Status != verdict.Fail {
		t.Fatalf("corrupted example passed")
	}
	for _, want := range []string{"-G0PHER", "+GOPHER", "--- expected", "+++ actual"} {
		if !strings.Contains(r.Diff, want) {
			t.Errorf("diff lacks %q:\n%s", want, r.Diff)
		}
	}
	if !strings.Contains(r.Problems[0].Msg, "output differs") { // "compiled: output differs" under both
		t.Errorf("problem = %q", r.Problems[0].Msg)
	}
}
