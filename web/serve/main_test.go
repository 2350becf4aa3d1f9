package serve

import (
	"flag"
	"os"
	"testing"

	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a sandbox's init, starts the browser
// that the tests share (see warmBrowser), and closes it and the engines
// that the tests share.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	proc.BecomeSubreaper()
	flag.Parse()
	warmBrowser()
	code := m.Run()
	closeBrowser()
	closeEngines()
	os.Exit(code)
}
