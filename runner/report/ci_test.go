package report_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/wiring"
)

// checked is the report of checking testdata/course, made once.
var checked = sync.OnceValues(func() (*check.Report, error) {
	ls, err := lesson.Load([]string{"testdata/course"})
	if err != nil {
		return nil, err
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		return nil, err
	}
	defer set.Close()
	return check.New(set.Config()).Check(context.Background(), ls), nil
})

func courseReport(t *testing.T) *check.Report {
	t.Helper()
	rep, err := checked()
	if err != nil {
		t.Fatal(err)
	}
	if p, f, s := rep.Counts(); p == 0 || f == 0 || s == 0 {
		t.Fatalf("testdata/course must have passed, failed and skipped blocks: %s", report.Doc(rep).Summary())
	}
	return rep
}

// The JUnit document as a strict reader sees it: only what the test
// compares.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name    string `xml:"name,attr"`
			File    string `xml:"file,attr"`
			Line    int    `xml:"line,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped   *struct{} `xml:"skipped"`
			SystemOut string    `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnit reads the JUnit report of testdata/course with a strict XML
// decoder: its counts, and the counts of its test cases, are those of
// check's summary line, and every block is a test case at its line.
func TestJUnit(t *testing.T) {
	rep := courseReport(t)
	var b bytes.Buffer
	if err := report.WriteJUnit(&b, report.Doc(rep)); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.Strict = true
	var doc junitDoc
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not strict XML: %v\n%s", err, b.String())
	}
	passed, failed, skipped := 0, 0, 0
	var cases []string
	for _, s := range doc.Suites {
		n, f, k := 0, 0, 0
		for _, c := range s.Cases {
			n++
			switch {
			case c.Failure != nil:
				f++
				if c.Failure.Message == "" || !strings.HasPrefix(c.Failure.Text, c.File+":") {
					t.Errorf("failure of %s without message or position: %+v", c.Name, c.Failure)
				}
				if c.Line == 18 && c.SystemOut != "a, b: 100%\n<&>\n" {
					t.Errorf("system-out of the failed %s:%d = %q, want its output", c.File, c.Line, c.SystemOut)
				}
			case c.Skipped != nil:
				k++
			}
			cases = append(cases, fmt.Sprintf("%s:%d %s", c.File, c.Line, c.Name))
		}
		if n != s.Tests || f != s.Failures || k != s.Skipped {
			t.Errorf("suite %s says %d tests, %d failures, %d skipped; has %d, %d, %d", s.Name, s.Tests, s.Failures, s.Skipped, n, f, k)
		}
		passed += n - f - k
		failed += f
		skipped += k
	}
	p, f, s := rep.Counts()
	if doc.Tests != p+f+s || doc.Failures != f || doc.Skipped != s {
		t.Errorf("testsuites says %d tests, %d failures, %d skipped; check: %s", doc.Tests, doc.Failures, doc.Skipped, report.Doc(rep).Summary())
	}
	if got := fmt.Sprint(passed, failed, skipped); got != fmt.Sprint(p, f, s) {
		t.Errorf("test cases: passed, failed, skipped = %s; check: %s", got, report.Doc(rep).Summary())
	}
	var want []string
	for _, r := range rep.Results {
		want = append(want, fmt.Sprintf("%s:%d %s", r.Lesson.Path, r.Block.Code.Line, r.Block.Name))
	}
	if strings.Join(cases, "\n") != strings.Join(want, "\n") {
		t.Errorf("test cases\n%s\nwant one per block\n%s", strings.Join(cases, "\n"), strings.Join(want, "\n"))
	}
}

// TestAnnotations compares the workflow annotations of testdata/course
// with testdata/annotations.golden.
func TestAnnotations(t *testing.T) {
	var b strings.Builder
	if err := report.WriteAnnotations(&b, report.Doc(courseReport(t))); err != nil {
		t.Fatal(err)
	}
	golden.File(t, "testdata/annotations.golden", []byte(b.String()))
}

// TestMerge splits the JSON report of testdata/course by lesson into
// reports written and read back, as shards write them: merged, they give
// the same blocks and summary line; the same report twice is refused.
func TestMerge(t *testing.T) {
	rep := courseReport(t)
	var shards []*check.Report
	for i, r := range rep.Results {
		if i == 0 || r.Lesson != rep.Results[i-1].Lesson {
			shards = append(shards, &check.Report{})
		}
		last := shards[len(shards)-1]
		last.Results = append(last.Results, r)
	}
	var docs []*report.JSONReport
	for i, sh := range shards {
		var buf bytes.Buffer
		if err := report.Doc(sh).Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := report.ReadJSON(&buf, fmt.Sprintf("shard%d.json", i))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, back)
	}
	merged, err := report.Merge(docs)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Summary() != report.Doc(rep).Summary() || len(merged.Blocks) != len(rep.Results) {
		t.Errorf("merged: %s, %d blocks; unsharded: %s, %d blocks", merged.Summary(), len(merged.Blocks), report.Doc(rep).Summary(), len(rep.Results))
	}
	if _, err := report.Merge([]*report.JSONReport{docs[0], docs[0]}); err == nil || !strings.Contains(err.Error(), "overlap") {
		t.Errorf("merging a report with itself: %v, want an overlap error", err)
	}
}

// TestReadJSONCounts: a report whose counts disagree with its blocks is
// refused.
func TestReadJSONCounts(t *testing.T) {
	_, err := report.ReadJSON(strings.NewReader(`{"passed": 2, "failed": 0, "skipped": 0, "seconds": 1, "blocks": [{"file": "a.md", "line": 3, "name": "b", "verdict": "pass", "seconds": 0, "ran": 0, "output": "", "runs": 1}]}`), "r.json")
	if err == nil || !strings.HasPrefix(err.Error(), "r.json: counts 2 passed, 0 failed do not match") {
		t.Errorf("err = %v", err)
	}
}

// TestJUnitHostileOutput: a diff with control characters and invalid
// UTF-8, which XML cannot hold, still gives a document a strict reader
// accepts, with the bytes shown as escapes.
func TestJUnitHostileOutput(t *testing.T) {
	doc := &report.JSONReport{Failed: 1, Blocks: []report.JSONBlock{{File: "a.md", Line: 3, Name: "b", Verdict: "fail",
		Problems: []report.JSONProblem{{Line: 3, Message: "output differs\x07"}}, Diff: "-x\n+\x1b[2J\xff\x00\n"}}}
	var b bytes.Buffer
	if err := report.WriteJUnit(&b, doc); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&b)
	dec.Strict = true
	var got junitDoc
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not strict XML: %v", err)
	}
	f := got.Suites[0].Cases[0].Failure
	if f == nil || f.Message != `output differs\u0007` || !strings.Contains(f.Text, `+\u001b[2J\xff\u0000`) {
		t.Errorf("failure %+v", f)
	}
}

// TestMergeBrokenAndStopped: a merged report keeps the lessons that could
// not be parsed (counted as failed) and the stopped blocks of its shards.
func TestMergeBrokenAndStopped(t *testing.T) {
	a, err := report.ReadJSON(strings.NewReader(`{"passed": 1, "failed": 1, "skipped": 0, "seconds": 1,
		"broken": [{"file": "z.md", "errors": [{"line": 3, "col": 1, "message": "bad"}]}],
		"blocks": [{"file": "a.md", "line": 3, "name": "b", "verdict": "pass", "seconds": 0, "ran": 0, "output": "", "runs": 1}]}`), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := report.ReadJSON(strings.NewReader(`{"passed": 0, "failed": 0, "skipped": 0, "stopped": 1, "seconds": 2,
		"blocks": [{"file": "b.md", "line": 5, "name": "c", "verdict": "stopped", "seconds": 0, "ran": 0, "output": "", "runs": 1}]}`), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := report.Merge([]*report.JSONReport{b, a})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := merged.Summary(), "1 passed, 1 failed, 1 stopped"; got != want {
		t.Errorf("merged summary %q, want %q", got, want)
	}
	if len(merged.Broken) != 1 || merged.Broken[0].File != "z.md" {
		t.Errorf("merged broken lessons: %+v", merged.Broken)
	}
}
