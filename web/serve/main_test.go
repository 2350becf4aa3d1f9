package serve

import (
	"flag"
	"os"
	"runtime"
	"strconv"
	"testing"

	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a sandbox's init, sets GORACE for
// the programs the tests run and how many tests run at once
// (moreParallel), starts the browser that the tests share (see
// warmBrowser), and closes it and the engines that the tests share.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	proc.BecomeSubreaper()
	// A program built with the race detector sleeps a second when it
	// exits (GORACE's atexit_sleep_ms, 1000 by default) for late reports:
	// a second of every run of the racy block, which reports its race
	// when it happens. Unless the caller set GORACE, the tests' programs
	// exit at once; what they report is the same.
	if _, ok := os.LookupEnv("GORACE"); !ok {
		os.Setenv("GORACE", "atexit_sleep_ms=0")
	}
	flag.Parse()
	moreParallel()
	warmBrowser()
	code := m.Run()
	closeBrowser()
	closeEngines()
	os.Exit(code)
}

// moreParallel runs one test more at once than go test would (-parallel
// defaults to GOMAXPROCS), unless -parallel is given: this package's
// tests often wait (for a sandbox, a page's poll, the lessons' watcher,
// the browser) with little to do meanwhile. On the 2-core machine, the
// package took 9.7 to 10.4 s with 2, 8.7 to 9.0 s with 3, 8.7 to 9.5 s
// with 4 (warm, load 5 to 6 from other work).
func moreParallel() {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		flag.Set("test.parallel", strconv.Itoa(runtime.GOMAXPROCS(0)+1))
	}
}
