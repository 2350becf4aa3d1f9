package serve

import (
	"os"
	"testing"

	"bingfa/runner/proc"
	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a yaegi worker, for the servers that
// route blocks to the interpreter.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	proc.BecomeSubreaper()
	os.Exit(m.Run())
}
