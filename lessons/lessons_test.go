package lessons_test

import (
	"context"
	"flag"
	"regexp"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/verdict"
)

// TestLessons builds and runs every block of every lesson, as
// TestLessons/<lesson>/<block>, and fails with the same messages and diff
// as bingfa check. The lessons are read from this directory, so that a
// block's copy of an examples/ program is compared with the file.
//
// The engines are those of $BINGFA_ENGINE, by default both: every block
// the router would send to the interpreter also runs compiled, and the
// test fails when the verdicts differ, so that go test ./... catches a
// routing mistake the day it is made. The check is the course's one
// check (see course), which TestUpdate and TestExercises share.
func TestLessons(t *testing.T) {
	t.Parallel()
	co := theCourse(t)
	ls := selectedLessons(co.ls)
	var rep *check.Report
	if len(ls) == len(co.ls) {
		rep = co.report()
	} else {
		rep = co.c.Check(context.Background(), ls)
	}
	results := map[*lesson.Lesson][]*check.Result{}
	for _, r := range rep.Results {
		results[r.Lesson] = append(results[r.Lesson], r)
	}
	for _, l := range ls {
		t.Run(l.Name, func(t *testing.T) {
			for _, r := range results[l] {
				t.Run(r.Block.Name, func(t *testing.T) { Report(t, r) })
			}
		})
	}
}

// selectedLessons returns the lessons that -run selects for TestLessons
// (TestLessons/NAME runs only the lessons whose names match NAME, as the
// testing package matches subtests), so that checking one lesson does
// not run them all.
func selectedLessons(ls []*lesson.Lesson) []*lesson.Lesson {
	f := flag.Lookup("test.run")
	if f == nil {
		return ls
	}
	parts := strings.Split(f.Value.String(), "/")
	if len(parts) < 2 || parts[1] == "" {
		return ls
	}
	re, err := regexp.Compile(parts[1])
	if err != nil {
		return ls
	}
	var sel []*lesson.Lesson
	for _, l := range ls {
		if re.MatchString(l.Name) {
			sel = append(sel, l)
		}
	}
	return sel
}

// Report turns a block's result into a test result.
func Report(t *testing.T, r *check.Result) {
	t.Helper()
	var msg strings.Builder
	report.WriteProblems(&msg, r, report.Colors{})
	switch r.Status {
	case verdict.Skip:
		t.Skip(r.Why)
	case verdict.Fail:
		t.Error("\n" + msg.String())
	default:
		if msg.Len() > 0 {
			t.Log("\n" + msg.String())
		}
	}
}
