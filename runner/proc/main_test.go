package proc

import (
	"os"
	"testing"
)

// TestMain makes the test binary a child subreaper, as main does, so that
// the tests of what programs leave behind see them reaped.
func TestMain(m *testing.M) {
	BecomeSubreaper()
	os.Exit(m.Run())
}
