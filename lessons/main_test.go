package lessons_test

import (
	"flag"
	"os"
	"strconv"
	"testing"

	"bingfa/runner/yaegi"
)

// lessonsParallel is how many of this package's tests that run programs
// run at once unless -parallel says otherwise: their programs mostly
// sleep or wait for their children, and check's own slots bound the
// programs that run at once by the CPUs that are idle, so the default of
// one test per CPU leaves the machine waiting.
const lessonsParallel = 8

// TestMain lets this test binary be a sandbox's init, lets more lessons'
// tests run at once, and closes the course's engines after the tests.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", strconv.Itoa(lessonsParallel+waiting()))
	}
	code := m.Run()
	closeCourse()
	os.Exit(code)
}

// waiting returns how many parallel tests only wait for the course's one
// check (see course): TestLessons, TestUpdate and every case of every
// exercise, whose programs that check runs. Each holds a place among
// -parallel's while it waits: with 8 places they held them all.
func waiting() int {
	n := 2
	_, exercises, _, err := parse()
	if err != nil {
		return n // the tests report it
	}
	for _, ex := range exercises {
		n += len(ex.cases)
	}
	return n
}
