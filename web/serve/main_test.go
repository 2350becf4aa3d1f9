package serve

import (
	"os"
	"testing"

	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a sandbox's init, and closes the
// browser and the engines that the tests share.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	proc.BecomeSubreaper()
	code := m.Run()
	closeBrowser()
	closeEngines()
	os.Exit(code)
}
