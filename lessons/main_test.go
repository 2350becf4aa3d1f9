package lessons_test

import (
	"os"
	"testing"

	"bingfa/runner/yaegi"
)

// TestMain lets this test binary be a yaegi worker: the engines of
// BINGFA_ENGINE=both (the default of TestLessons), auto and yaegi start it
// again as one.
func TestMain(m *testing.M) {
	yaegi.MaybeWorker()
	os.Exit(m.Run())
}
