package serve

import (
	"flag"
	"os"
	"testing"

	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a sandbox's init, sets GORACE for
// the programs the tests run, starts the browser that the tests share
// (see warmBrowser), and closes it and the engines that the tests share.
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
	warmBrowser()
	code := m.Run()
	closeBrowser()
	closeEngines()
	os.Exit(code)
}
