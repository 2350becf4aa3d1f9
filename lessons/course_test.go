package lessons_test

import (
	"context"
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
)

// A course is the lessons of this directory and the one checker that
// every test of this package runs them with, and the one check of the
// whole course that TestLessons reports block by block, TestUpdate
// presents as update does and TestExercises judges the exercises by: no
// program of the course runs twice. One checker, so that the tests run in
// parallel (t.Parallel) while its scheduler still bounds the programs
// that run at once and keeps each serial block alone. When TestExercises
// runs too, the same check runs the exercises' starting code and wrong
// answers (practice), so that one scheduler orders every program: the
// course's serial ones one after another at the end, the others side by
// side before them (the exercises' variants are never serial: see
// variant).
type course struct {
	ls        []*lesson.Lesson
	practice  []*lesson.Lesson // a copy of each lesson with exercises, holding their variants
	exercises map[*lesson.Block]exercise
	mode      string // the engines, as wiring names them
	set       *wiring.Set
	c         *check.Checker
	err       error

	checked sync.Once
	rep     *check.Report // of the course's lessons only
	results map[*lesson.Block]*check.Result
}

var (
	made   sync.Once
	shared course

	parsed   sync.Once
	theLs    []*lesson.Lesson
	theEx    map[*lesson.Block]exercise
	thePr    []*lesson.Lesson
	parseErr error
)

// parse returns the lessons of this directory and their exercises (see
// practice), read once for every test of the package and TestMain.
func parse() ([]*lesson.Lesson, map[*lesson.Block]exercise, []*lesson.Lesson, error) {
	parsed.Do(func() {
		if theLs, parseErr = lesson.Load([]string{"."}); parseErr == nil {
			theEx, thePr = practice(theLs)
		}
	})
	return theLs, theEx, thePr, parseErr
}

// theCourse returns the course, loaded once. The engines are those of
// $BINGFA_ENGINE, by default both: every block the router would send to
// the interpreter also runs compiled, and the verdicts must agree.
func theCourse(t *testing.T) *course {
	t.Helper()
	made.Do(func() {
		co := &shared
		co.mode = os.Getenv("BINGFA_ENGINE")
		if co.mode == "" {
			co.mode = wiring.Both
		}
		if co.ls, co.exercises, co.practice, co.err = parse(); co.err != nil {
			return
		}
		if co.set, co.err = wiring.New(co.mode, compiled.DefaultCacheDir()); co.err != nil {
			return
		}
		co.c = check.New(co.set.Config())
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return &shared
}

// report returns the check of every block of the course, made once, as
// bingfa check makes it: its scheduler runs the blocks that wait (most of
// them sleep) side by side and the serial ones alone.
func (co *course) report() *check.Report {
	co.checked.Do(func() {
		ls := co.ls
		if exercisesRun() {
			ls = append(slices.Clip(ls), co.practice...)
		}
		all := co.c.Check(context.Background(), ls)
		co.rep = &check.Report{Elapsed: all.Elapsed}
		co.results = map[*lesson.Block]*check.Result{}
		course := map[*lesson.Lesson]bool{}
		for _, l := range co.ls {
			course[l] = true
		}
		for _, r := range all.Results {
			co.results[r.Block] = r
			if course[r.Lesson] {
				co.rep.Results = append(co.rep.Results, r)
			}
		}
	})
	return co.rep
}

// exercisesRun reports whether -run selects TestExercises, which -short
// skips.
func exercisesRun() bool { return !testing.Short() && selects("TestExercises") }

// selects reports whether -run selects the top-level test name: always
// without -run, or when its pattern does not compile (go test says so).
func selects(name string) bool {
	f := flag.Lookup("test.run")
	if f == nil || f.Value.String() == "" {
		return true
	}
	re, err := regexp.Compile(strings.Split(f.Value.String(), "/")[0])
	return err != nil || re.MatchString(name)
}

// wholeCourse reports whether the tests that -run selects check the
// whole course anyway: TestUpdate, or TestLessons with every lesson.
// When they do not (go test -run TestExercises/06), the other tests run
// what they need rather than wait for a check of every lesson.
func (co *course) wholeCourse() bool {
	return selects("TestUpdate") && !testing.Short() ||
		selects("TestLessons") && len(selectedLessons(co.ls)) == len(co.ls)
}

// result returns the course check's result of block b, of a lesson or
// of practice.
func (co *course) result(b *lesson.Block) *check.Result {
	co.report()
	return co.results[b]
}

// compiledRuns reports whether the course check ran every block with the
// compiled engine, the authority on what a block prints: in modes
// compiled and both, unless a block asks for engine=yaegi.
func (co *course) compiledRuns() bool {
	if co.mode != wiring.Compiled && co.mode != wiring.Both {
		return false
	}
	for _, l := range co.ls {
		for _, b := range l.Blocks {
			if b.Opts.Engine == lesson.EngineYaegi {
				return false
			}
		}
	}
	return true
}

// closeCourse closes the course's engines, if it was loaded.
func closeCourse() {
	if shared.set != nil {
		shared.set.Close()
	}
}
