package lessons_test

import (
	"flag"
	"os"
	"testing"

	"bingfa/runner/yaegi"
)

// lessonsParallel is how many lessons' exercise tests run at once unless
// -parallel says otherwise: their programs mostly sleep or wait for their
// children, and check's own slots bound the programs that run at once by
// the CPUs that are idle, so the default of one test per CPU leaves the
// machine waiting.
const lessonsParallel = "8"

// TestMain lets this test binary be a sandbox's init, lets more lessons'
// tests run at once, and closes the course's engines after the tests.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", lessonsParallel)
	}
	code := m.Run()
	closeCourse()
	os.Exit(code)
}
